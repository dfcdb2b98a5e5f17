import { useTranslation } from 'react-i18next';
import type { ModerationOrderFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { ProposalText } from './ProposalText';

type Moderation = NonNullable<ModerationOrderFragment['moderation']>;

/**
 * The moderation's dialogue, oldest first, read-only here: the buyer answers on /orders/:id.
 * Each entry says who, on which side, when, and the proposal or state it carries.
 */
export function Dialogue({ moderation, currency }: { moderation: Moderation; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="net-card order-section" aria-labelledby="moderation-dialogue">
      <h2 id="moderation-dialogue">{t('moderation.dialogue.title')}</h2>
      {moderation.dialogue.length === 0 ? (
        <p className="net-muted">{t('moderation.dialogue.empty')}</p>
      ) : (
        <ol className="moderation-dialogue">
          {moderation.dialogue.map((entry) => (
            <li key={entry.id} className={`moderation-dialogue__entry moderation-dialogue__entry--${entry.side.toLowerCase()}`}>
              <p className="moderation-dialogue__head">
                <strong>{entry.author.fullName || t('orders.someone')}</strong>
                <span className="net-muted">
                  {t(`moderation.dialogue.side.${entry.side}`)} · {format.dateTime(entry.createdAt)}
                </span>
              </p>
              {entry.kind === 'STATE' && entry.state && <p>{t('moderation.dialogue.movedTo', { state: t(`moderation.state.${entry.state}`) })}</p>}
              {entry.kind !== 'STATE' && entry.kind !== 'COMMENT' && entry.proposal && (
                <p>
                  {t(`moderation.dialogue.kind.${entry.kind}`)}: <ProposalText proposal={entry.proposal} currency={currency} />
                </p>
              )}
              {entry.text && <p className="moderation-dialogue__text">{entry.text}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
