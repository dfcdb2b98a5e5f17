import { useTranslation } from 'react-i18next';
import type { ProposalPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';

/**
 * What a proposal changes on its line, «before → after»: the quantity, the unit price (net, in
 * the order's currency), the date, the SKU for a substitute; a removal says the line goes.
 */
export function ProposalChange({ proposal, currency }: { proposal: ProposalPartsFragment; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { line } = proposal;
  const date = (value: string | null | undefined) => (value ? format.date(value) : t('orderWorkflow.proposals.noDate'));
  let change: React.ReactNode;
  switch (proposal.kind) {
    case 'QUANTITY':
      change = `${format.quantity(proposal.beforeQuantity, line.unit)} → ${format.quantity(proposal.quantity, line.unit)}`;
      break;
    case 'PRICE':
      change = `${format.money(proposal.beforeUnitNet, currency)} → ${format.money(proposal.unitNet, currency)}`;
      break;
    case 'DATE':
      change = `${date(proposal.beforeDate)} → ${date(proposal.date)}`;
      break;
    case 'SUBSTITUTE':
      change = (
        <>
          {proposal.beforeSku} → <span className="order-line__sku">{proposal.substituteSku}</span> {proposal.substituteName}
        </>
      );
      break;
    case 'REMOVE':
      change = t('orderWorkflow.proposals.removed');
      break;
  }
  return (
    <div className="proposal-change">
      <p className="proposal-change__line">
        <span className="net-muted">{t('orderWorkflow.proposals.line', { position: format.number(line.position) })}</span>{' '}
        <span className="order-line__sku">{line.sku}</span> {line.name}
      </p>
      <p className="proposal-change__what">
        <span className="net-muted">{t(`orderWorkflow.proposals.kind.${proposal.kind}`)}: </span>
        {change}
      </p>
    </div>
  );
}
