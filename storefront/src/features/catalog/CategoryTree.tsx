import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CategoryNode, CategoryTree as Tree } from './categoryTree';
import { pathTo } from './categoryTree';

/**
 * The category tree as nested lists of links; branches open and close with their own
 * buttons. The selected category is marked aria-current and its branch starts open.
 */
export function CategoryTree({
  tree,
  selectedId,
  linkSearch,
}: {
  tree: Tree;
  selectedId: string | null;
  /** Query string kept when moving between categories (search, view, filters). */
  linkSearch: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(() => new Set(pathTo(tree, selectedId).map((n) => n.id)));
  // Open the branch of a category chosen elsewhere (a breadcrumb, the back button).
  const [seenSelected, setSeenSelected] = useState(selectedId);
  if (selectedId !== seenSelected) {
    setSeenSelected(selectedId);
    const ids = pathTo(tree, selectedId).map((n) => n.id);
    if (ids.some((id) => !open.has(id))) setOpen(new Set([...open, ...ids]));
  }

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderNode = (node: CategoryNode) => {
    const expanded = open.has(node.id);
    const groupId = `category-children-${node.slug}`;
    return (
      <li key={node.id} className="category-tree__item">
        <div className="category-tree__row">
          {node.children.length > 0 ? (
            <button
              type="button"
              className="category-tree__toggle"
              aria-expanded={expanded}
              aria-controls={groupId}
              onClick={() => toggle(node.id)}
            >
              <svg viewBox="0 0 16 16" aria-hidden focusable="false">
                <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="2" />
              </svg>
              <span className="ui-visually-hidden">
                {expanded ? t('catalog.categories.collapse', { name: node.name }) : t('catalog.categories.expand', { name: node.name })}
              </span>
            </button>
          ) : (
            <span className="category-tree__spacer" aria-hidden />
          )}
          <Link
            to={{ pathname: `/catalog/${node.slug}`, search: linkSearch }}
            className="category-tree__link"
            aria-current={node.id === selectedId ? 'page' : undefined}
          >
            {node.name}
          </Link>
        </div>
        {node.children.length > 0 && expanded && (
          <ul id={groupId} className="category-tree__group">
            {node.children.map(renderNode)}
          </ul>
        )}
      </li>
    );
  };

  return (
    <nav aria-label={t('catalog.categories.title')} className="category-tree">
      <ul className="category-tree__group category-tree__group--root">
        <li className="category-tree__item">
          <div className="category-tree__row">
            <span className="category-tree__spacer" aria-hidden />
            <Link
              to={{ pathname: '/catalog', search: linkSearch }}
              className="category-tree__link"
              aria-current={selectedId === null ? 'page' : undefined}
            >
              {t('catalog.categories.all')}
            </Link>
          </div>
        </li>
        {tree.roots.map(renderNode)}
      </ul>
    </nav>
  );
}
