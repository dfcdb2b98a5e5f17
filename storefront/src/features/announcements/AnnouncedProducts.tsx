/**
 * Announcements beside the catalog's products. The catalog asks once per page for the
 * announcements that link any product it shows (`productIds`), and each product's badges read
 * the answer from this context: a modest mark in the list and the grid, a small block on the
 * product page.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ProductAnnouncementsDocument, type ProductAnnouncementsQuery } from '../../gql/graphql';
import { Badge } from '../../ui';
import { KIND_TONE } from './AnnouncementCard';
import { ANNOUNCEMENT_TYPENAMES } from './cache';
import './announcements.css';

type Announcement = NonNullable<NonNullable<ProductAnnouncementsQuery['announcements']['edges'][number]>['node']>;
type ByProduct = ReadonlyMap<string, Announcement[]>;

const AnnouncedContext = createContext<ByProduct>(new Map());

function useProductAnnouncements(productIds: string[]): ByProduct {
  const [result] = useQuery({
    query: ProductAnnouncementsDocument,
    variables: { productIds },
    pause: productIds.length === 0,
    context: ANNOUNCEMENT_TYPENAMES,
  });
  const edges = result.data?.announcements.edges;
  return useMemo(() => {
    const byProduct = new Map<string, Announcement[]>();
    for (const edge of edges ?? []) {
      if (!edge?.node) continue;
      for (const product of edge.node.products) {
        byProduct.set(product.id, [...(byProduct.get(product.id) ?? []), edge.node]);
      }
    }
    return byProduct;
  }, [edges]);
}

/** Loads the announcements of `productIds` for the marks inside. */
export function AnnouncedProducts({ productIds, children }: { productIds: string[]; children: ReactNode }) {
  const byProduct = useProductAnnouncements(productIds);
  return <AnnouncedContext.Provider value={byProduct}>{children}</AnnouncedContext.Provider>;
}

/** The newest announcement of a product as a small badge linking to it; nothing without one. */
export function AnnouncementMark({ productId }: { productId: string | undefined }) {
  const { t } = useTranslation();
  const latest = useContext(AnnouncedContext).get(productId ?? '')?.[0];
  if (!latest) return null;
  const kind = t(`announcements.kind.${latest.kind}`);
  return (
    <Link to={`/news/${latest.id}`} className="news-mark" title={latest.title} aria-label={t('announcements.catalog.mark', { kind, title: latest.title })}>
      <Badge tone={KIND_TONE[latest.kind]}>{kind}</Badge>
    </Link>
  );
}

/** The product page's block: every announcement about the product, unread ones marked. */
export function ProductAnnouncementsBlock({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const productIds = useMemo(() => [productId], [productId]);
  const announcements = useProductAnnouncements(productIds).get(productId) ?? [];
  if (announcements.length === 0) return null;
  return (
    <section className="news-block" aria-labelledby="product-announcements" data-testid="product-announcements">
      <h2 id="product-announcements">{t('announcements.catalog.title')}</h2>
      <ul>
        {announcements.map((announcement) => (
          <li key={announcement.id}>
            <Badge tone={KIND_TONE[announcement.kind]}>{t(`announcements.kind.${announcement.kind}`)}</Badge>{' '}
            <Link to={`/news/${announcement.id}`}>{announcement.title}</Link>
            {!announcement.isRead && <span className="news-card__new">{t('announcements.card.new')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
