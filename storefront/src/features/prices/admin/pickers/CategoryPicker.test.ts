import { describe, expect, it } from 'vitest';
import { treeOrder } from './CategoryPicker';

describe('the categories in tree order', () => {
  it('puts each category after its parent, deeper ones indented, and an orphan at the top', () => {
    const rows = [
      { id: 'C3', name: 'Фасадные', level: 2, parent: { id: 'C2' } },
      { id: 'C1', name: 'ЛКМ', level: 0, parent: null },
      { id: 'C4', name: 'Двери', level: 0, parent: null },
      { id: 'C2', name: 'Краски', level: 1, parent: { id: 'C1' } },
      { id: 'C9', name: 'Без родителя на странице', level: 1, parent: { id: 'C99' } },
    ];
    expect(treeOrder(rows).map((c) => [c.id, c.depth])).toEqual([
      ['C1', 0],
      ['C2', 1],
      ['C3', 2],
      ['C4', 0],
      ['C9', 0],
    ]);
  });
});
