import { Skeleton } from '../../ui';
import type { CatalogView } from './catalogParams';

/** Stand-ins while the catalog loads, and the view switch's icons. */

export function ResultsSkeleton({ view }: { view: CatalogView }) {
  const rows = Array.from({ length: 8 }, (_, index) => index);
  if (view === 'grid') {
    return (
      <div className="product-grid" aria-hidden>
        {rows.map((row) => (
          <div key={row} className="product-card">
            <Skeleton className="product-card__image" height="auto" />
            <div className="product-card__body">
              <Skeleton width="90%" />
              <Skeleton width="50%" />
            </div>
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className="ui-table-wrap results-skeleton" aria-hidden>
      {rows.map((row) => (
        <div key={row} className="results-skeleton__row">
          <Skeleton width="48px" height="48px" />
          <Skeleton width="45%" />
          <Skeleton width="20%" />
        </div>
      ))}
    </div>
  );
}

export function SidebarSkeleton() {
  return (
    <div className="sidebar-skeleton" aria-hidden>
      {[70, 55, 80, 60, 65].map((width) => (
        <Skeleton key={width} width={`${width}%`} />
      ))}
    </div>
  );
}

export function ListIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden focusable="false">
      <path d="M2 3h12M2 8h12M2 13h12" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

export function GridIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden focusable="false">
      <rect x="1.5" y="1.5" width="5" height="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="9.5" y="1.5" width="5" height="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="1.5" y="9.5" width="5" height="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="9.5" y="9.5" width="5" height="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
