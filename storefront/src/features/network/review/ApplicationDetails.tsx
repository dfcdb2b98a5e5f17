/** Everything staff read before deciding: the applicant's comment and address, contact, INN, flags and the dealer it would join. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationRowFragment } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/useFormat';
import { Button, Dialog } from '../../../ui';
import { applicationNumber } from '../applicationNumber';
import { FlagSummary } from './FlagSummary';

export function ApplicationDetails({
  application: a,
  onClose,
  onApprove,
  onReject,
}: {
  application: ApplicationRowFragment;
  onClose: () => void;
  onApprove: () => void;
  onReject: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const contact = [a.contactFirstName, a.contactLastName].filter(Boolean).join(' ');
  const rows: Array<[string, ReactNode]> = [
    [t('network.review.details.legalName'), a.legalName],
    [t('network.review.columns.inn'), a.kpp ? `${a.inn} / ${a.kpp}` : a.inn],
    [t('network.review.columns.region'), a.country === 'RU' ? a.region : `${a.region}, ${a.country}`],
    [t('network.review.details.address'), a.address || '—'],
    [
      t('network.review.columns.contact'),
      <span className="net-cell-stack" key="contact">
        <span>{contact}</span>
        <a href={`mailto:${a.email}`}>{a.email}</a>
        {a.phone && <a href={`tel:${a.phone.replace(/[^\d+]/g, '')}`}>{a.phone}</a>}
      </span>,
    ],
    [t('network.review.columns.created'), format.dateTime(a.createdAt)],
    [t('network.review.details.comment'), a.comment ? <span className="net-comment">{a.comment}</span> : '—'],
  ];
  if (a.status === 'SUBMITTED') {
    rows.push([
      t('network.review.details.joins'),
      a.supplier && a.joinsAs
        ? t('network.review.details.joinsAs', { supplier: a.supplier.name, kind: t(`organizationKind.${a.joinsAs}`) })
        : t('network.review.noSupplier'),
    ]);
  } else if (a.organization) {
    rows.push([t('network.review.details.organization'), a.organization.name]);
  }
  if (a.rejectionReason) rows.push([t('network.review.details.reason'), a.rejectionReason]);

  return (
    <Dialog
      open
      title={t('network.review.details.title', { number: applicationNumber(t, a.number), name: a.companyName })}
      onClose={onClose}
      footer={
        a.status === 'SUBMITTED' ? (
          <>
            <Button variant="ghost" onClick={onReject}>
              {t('network.review.reject')}
            </Button>
            <Button variant="primary" onClick={onApprove}>
              {t('network.review.approve')}
            </Button>
          </>
        ) : (
          <Button onClick={onClose}>{t('network.close')}</Button>
        )
      }
    >
      <dl className="net-details" data-testid="application-details">
        {rows.map(([label, value]) => (
          <div key={label} className="net-details__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {a.flags.length > 0 && (
        <section aria-label={t('network.review.columns.flags')}>
          <h3 className="net-details__heading">{t('network.review.columns.flags')}</h3>
          <FlagSummary flags={a.flags} expanded />
        </section>
      )}
    </Dialog>
  );
}
