import { useTranslation } from 'react-i18next';
import type { ModerationProposalFragment, Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';

/** What a proposal changes on its line, «before → after»: «Количество: 5 шт. → 4 шт.». */
export function ProposalText({ proposal, currency }: { proposal: ModerationProposalFragment; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unit = proposal.line.unit as Unit;
  let change: string;
  switch (proposal.kind) {
    case 'QUANTITY':
      change = `${format.quantity(proposal.beforeQuantity, unit)} → ${format.quantity(proposal.quantity ?? '0', unit)}`;
      break;
    case 'PRICE':
      change = `${format.money(proposal.beforeUnitNet, currency)} → ${format.money(proposal.unitNet, currency)}`;
      break;
    case 'DATE':
      change = `${format.date(proposal.beforeDate)} → ${format.date(proposal.date)}`;
      break;
    case 'SUBSTITUTE':
      change = `${proposal.beforeSku} → ${proposal.substituteSku}${proposal.substituteName ? ` (${proposal.substituteName})` : ''}`;
      break;
    default:
      change = '';
  }
  return (
    <span className="moderation-proposal">
      <span className="order-line__sku">{proposal.line.sku}</span> {t(`moderation.proposalKind.${proposal.kind}`)}
      {change && `: ${change}`}
      {' · '}
      <span className="moderation-proposal__status">{t(`moderation.proposalStatus.${proposal.status}`)}</span>
    </span>
  );
}
