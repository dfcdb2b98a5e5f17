/** The flat category list from the API (tree order, with parent ids) as a tree. */

export interface FlatCategory {
  id: string;
  name: string;
  slug: string;
  level: number;
  parent: { id: string } | null;
}

export interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  level: number;
  parentId: string | null;
  children: CategoryNode[];
}

export interface CategoryTree {
  roots: CategoryNode[];
  bySlug: Map<string, CategoryNode>;
  byId: Map<string, CategoryNode>;
}

export function buildCategoryTree(categories: readonly FlatCategory[]): CategoryTree {
  const byId = new Map<string, CategoryNode>();
  const bySlug = new Map<string, CategoryNode>();
  for (const category of categories) {
    const node: CategoryNode = {
      id: category.id,
      name: category.name,
      slug: category.slug,
      level: category.level,
      parentId: category.parent?.id ?? null,
      children: [],
    };
    byId.set(node.id, node);
    bySlug.set(node.slug, node);
  }
  const roots: CategoryNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    // A category whose parent is not visible is shown at the top.
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, bySlug, byId };
}

/** The category and its ancestors, from the top down. */
export function pathTo(tree: CategoryTree, id: string | null | undefined): CategoryNode[] {
  const path: CategoryNode[] = [];
  let node = id ? tree.byId.get(id) : undefined;
  while (node) {
    path.unshift(node);
    node = node.parentId ? tree.byId.get(node.parentId) : undefined;
  }
  return path;
}
