/** How long an order has waited since it reached the seller, in whole hours or days. */
export function waitedFor(submittedAt: string, now: Date = new Date()): { unit: 'hours' | 'days'; count: number } {
  const hours = Math.max(0, Math.floor((now.getTime() - new Date(submittedAt).getTime()) / 3_600_000));
  return hours < 24 ? { unit: 'hours', count: hours } : { unit: 'days', count: Math.floor(hours / 24) };
}
