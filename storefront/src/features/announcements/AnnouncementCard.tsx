import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnnouncementCardFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Badge } from '../../ui';

export const KIND_TONE = { NEWS: 'info', NEW_PRODUCTS: 'success', PROMOTION: 'warning' } as const;

/**
 * One announcement: its kind, an unread mark, title, publisher and date, image, text (the first
 * paragraph in the feed, all of it when `full`) and the linked products.
 */
export function AnnouncementCard({
  announcement,
  full = false,
  preview = false,
}: {
  announcement: AnnouncementCardFragment;
  full?: boolean;
  /** The publish form's preview: whole text, no links, a level-3 heading. */
  preview?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = !announcement.isRead;
  const TitleTag = preview ? 'h3' : full ? 'h1' : 'h2';
  const whole = full || preview;
  const paragraphs = whole ? announcement.paragraphs : announcement.paragraphs.slice(0, 1);
  return (
    <article
      className={['news-card', unread ? 'news-card--unread' : '', full ? 'news-card--full' : ''].join(' ')}
      aria-labelledby={`news-${announcement.id}`}
      data-testid={preview ? 'announcement-preview' : 'announcement'}
      data-read={announcement.isRead ? 'true' : 'false'}
    >
      {announcement.image && <img className="news-card__image" src={announcement.image.url} alt="" loading="lazy" />}
      <div className="news-card__body">
        <p className="news-card__meta">
          <Badge tone={KIND_TONE[announcement.kind]}>{t(`announcements.kind.${announcement.kind}`)}</Badge>
          {unread && <span className="news-card__new">{t('announcements.card.new')}</span>}
          <span className="news-card__from">
            {t('announcements.card.from', { publisher: announcement.publisherName, date: format.date(announcement.publishAt) })}
          </span>
        </p>
        <TitleTag id={`news-${announcement.id}`} className="news-card__title">
          {whole ? announcement.title : <Link to={`/news/${announcement.id}`}>{announcement.title}</Link>}
        </TitleTag>
        <div className="news-card__text">
          {paragraphs.map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
        {!whole && announcement.paragraphs.length > 1 && (
          <Link className="news-card__more" to={`/news/${announcement.id}`} aria-describedby={`news-${announcement.id}`}>
            {t('announcements.card.readMore')}
          </Link>
        )}
        {announcement.products.length > 0 && (
          <div className="news-card__products">
            <span className="news-card__products-label">{t('announcements.card.products')}:</span>
            <ul>
              {announcement.products.map((product) => (
                <li key={product.id}>{preview ? product.name : <Link to={`/product/${product.slug}`}>{product.name}</Link>}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </article>
  );
}
