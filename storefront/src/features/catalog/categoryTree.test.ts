import { describe, expect, it } from 'vitest';
import { buildCategoryTree, pathTo } from './categoryTree';

const flat = [
  { id: '1', name: 'Лакокрасочные материалы', slug: 'lkm', level: 0, parent: null },
  { id: '2', name: 'Краски', slug: 'kraski', level: 1, parent: { id: '1' } },
  { id: '3', name: 'Фасадные краски', slug: 'fasadnye', level: 2, parent: { id: '2' } },
  { id: '4', name: 'Эмали', slug: 'emali', level: 1, parent: { id: '1' } },
  { id: '5', name: 'Двери', slug: 'dveri', level: 0, parent: null },
  { id: '6', name: 'Сироты', slug: 'orphan', level: 1, parent: { id: 'hidden' } },
];

describe('category tree', () => {
  it('nests children under their parents in the API order', () => {
    const tree = buildCategoryTree(flat);
    expect(tree.roots.map((n) => n.slug)).toEqual(['lkm', 'dveri', 'orphan']);
    expect(tree.bySlug.get('lkm')?.children.map((n) => n.slug)).toEqual(['kraski', 'emali']);
  });

  it('gives the path from the top to a category', () => {
    const tree = buildCategoryTree(flat);
    expect(pathTo(tree, '3').map((n) => n.name)).toEqual(['Лакокрасочные материалы', 'Краски', 'Фасадные краски']);
    expect(pathTo(tree, null)).toEqual([]);
    expect(pathTo(tree, 'missing')).toEqual([]);
  });
});
