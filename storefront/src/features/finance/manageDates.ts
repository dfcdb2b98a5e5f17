/** Dates as the API takes them (YYYY-MM-DD), in the viewer's own time zone. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const todayIso = () => isoDay(new Date());

/** The first day of the viewer's current year: the statements' default period starts there. */
export const yearStartIso = () => `${new Date().getFullYear()}-01-01`;
