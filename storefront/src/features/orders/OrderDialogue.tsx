import { useTranslation } from 'react-i18next';
import type { OrderWorkflowPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Badge } from '../../ui';
import { ProposalChange } from './ProposalChange';

type Entry = NonNullable<OrderWorkflowPartsFragment['moderation']>['dialogue'][number];

/**
 * The moderation's dialogue, oldest first: the seller's and the buyer's messages, proposals
 * with their change, the answers to them and the state changes, each with who and when.
 */
export function OrderDialogue({ entries, currency }: { entries: Entry[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="order-dialogue">
      <h3>{t('orderWorkflow.dialogue.title')}</h3>
      {entries.length === 0 ? (
        <p className="net-muted">{t('orderWorkflow.dialogue.empty')}</p>
      ) : (
        <ol className="order-dialogue__list">
          {entries.map((entry) => (
            <li key={entry.id} className={`dialogue-entry dialogue-entry--${entry.side.toLowerCase()}`}>
              <p className="dialogue-entry__who">
                <strong>{entry.author.fullName || t('orders.someone')}</strong>
                <span className="net-muted">{t(`orderWorkflow.dialogue.side.${entry.side}`)}</span>
                <time className="net-muted" dateTime={entry.createdAt}>
                  {format.dateTime(entry.createdAt)}
                </time>
              </p>
              {entry.kind !== 'COMMENT' && (
                <p className="dialogue-entry__kind">
                  {entry.kind === 'STATE' && entry.state
                    ? t('orderWorkflow.dialogue.kind.STATE', { state: t(`orderWorkflow.state.${entry.state}`) })
                    : t(`orderWorkflow.dialogue.kind.${entry.kind}`, { state: '' })}
                  {entry.proposal && entry.kind === 'PROPOSAL' && entry.proposal.status !== 'OPEN' && (
                    <>
                      {' '}
                      <Badge tone={entry.proposal.status === 'ACCEPTED' ? 'success' : 'neutral'}>
                        {t(`orderWorkflow.proposals.status.${entry.proposal.status}`)}
                      </Badge>
                    </>
                  )}
                </p>
              )}
              {entry.proposal && <ProposalChange proposal={entry.proposal} currency={currency} />}
              {entry.text && <p className="dialogue-entry__text">{entry.text}</p>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
