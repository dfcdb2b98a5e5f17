import type { OrderFileColumnsInput, OrderFileUploadMutation } from '../../../gql/graphql';

export type UploadedFile = NonNullable<NonNullable<OrderFileUploadMutation['orderFileUpload']>['orderFile']>;
export type Sheet = UploadedFile['sheets'][number];

/** What a column of the sheet holds, as the mapping dialog offers it. */
export const ROLES = ['sku', 'quantity', 'name', 'unit', 'price', 'skip'] as const;
export type Role = (typeof ROLES)[number];
type Assigned = Exclude<Role, 'skip'>;

export interface Mapping {
  sheet: number;
  headerRow: number;
  /** Column index → role; a column absent is skipped. */
  roles: Record<number, Assigned>;
}

/** The API's guess (or the organization's remembered mapping) for its sheet; another sheet starts blank. */
export function initialMapping(file: UploadedFile, sheetIndex = file.columns.sheet): Mapping {
  if (sheetIndex === file.columns.sheet) {
    const roles: Record<number, Assigned> = {};
    for (const role of ['sku', 'quantity', 'name', 'unit', 'price'] as const) {
      const column = file.columns[role];
      if (column !== null && column !== undefined) roles[column] = role;
    }
    return { sheet: sheetIndex, headerRow: file.columns.headerRow, roles };
  }
  const sheet = file.sheets.find((s) => s.index === sheetIndex);
  return { sheet: sheetIndex, headerRow: sheet?.headerRow ?? 1, roles: {} };
}

/** The role of a column changed; a role held by one column only, so another column holding it lets go. */
export function assign(mapping: Mapping, column: number, role: Role): Mapping {
  const roles: Record<number, Assigned> = {};
  for (const [key, value] of Object.entries(mapping.roles)) {
    if (Number(key) !== column && value !== role) roles[Number(key)] = value;
  }
  if (role !== 'skip') roles[column] = role;
  return { ...mapping, roles };
}

export function roleOf(mapping: Mapping, column: number): Role {
  return mapping.roles[column] ?? 'skip';
}

/** The mapping as orderFileApply takes it, or the roles still missing (SKU and quantity are needed). */
export function toColumnsInput(mapping: Mapping): OrderFileColumnsInput | { missing: Array<'sku' | 'quantity'> } {
  const find = (role: Assigned) => {
    const entry = Object.entries(mapping.roles).find(([, value]) => value === role);
    return entry ? Number(entry[0]) : null;
  };
  const sku = find('sku');
  const quantity = find('quantity');
  if (sku === null || quantity === null) {
    return { missing: [...(sku === null ? (['sku'] as const) : []), ...(quantity === null ? (['quantity'] as const) : [])] };
  }
  return { sheet: mapping.sheet, headerRow: mapping.headerRow, sku, quantity, name: find('name'), unit: find('unit'), price: find('price') };
}

/** The number in a quantity as people write it ("10 шт", "10,5", " 12 "), as a decimal string; null when none. */
export function quantityFromText(text: string): string | null {
  const match = /\d+(?:[.,]\d+)?/.exec(text.replace(/\s/g, ''));
  return match ? match[0].replace(',', '.') : null;
}

/** A spreadsheet column's letter: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}
