/** An order event's `before`/`after` (JSON strings of the changed fields) as a list of changes. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function parsed(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Every field either side names, in the order the API wrote them (after's new ones last). */
export function eventChanges(before: string, after: string): FieldChange[] {
  const old = parsed(before);
  const next = parsed(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  return fields.map((field) => ({ field, before: old[field], after: next[field] }));
}
