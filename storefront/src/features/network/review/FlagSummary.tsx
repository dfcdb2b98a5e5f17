/** An application's flags said by code in the reader's language, repeats collapsed per code. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat';
import { Badge } from '../../../ui';
import { applicationNumber } from '../applicationNumber';
import { groupFlags, type Flag, type FlagGroup } from './flagGroups';
import './review.css';

export function FlagSummary({ flags, expanded = false }: { flags: readonly Flag[]; expanded?: boolean }) {
  const groups = groupFlags(flags);
  if (groups.length === 0) return null;
  return (
    <ul className="net-flags" aria-label={useTranslation().t('network.review.columns.flags')}>
      {groups.map((group) => (
        <li key={group.code}>
          <FlagGroupLine group={group} expanded={expanded} />
        </li>
      ))}
    </ul>
  );
}

function FlagGroupLine({ group, expanded }: { group: FlagGroup; expanded: boolean }) {
  const { t } = useTranslation();
  const counts = [
    group.organizations ? t('network.review.flagCount.ORGANIZATION', { count: group.organizations }) : '',
    group.applications ? t('network.review.flagCount.APPLICATION', { count: group.applications }) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const title = <Badge tone="warning">{t(`network.review.flags.${group.code}`)}</Badge>;
  if (group.flags.length === 1 && !expanded) {
    return (
      <span className="net-flag">
        {title} <FlagItem flag={group.flags[0]!} />
      </span>
    );
  }
  return (
    <details className="net-flag" open={expanded || undefined}>
      <summary>
        {title} <span>{t('network.review.flagGroup', { counts })}</span>
      </summary>
      <ul className="net-flag__list">
        {group.flags.map((flag) => (
          <li key={flag.subjectId}>
            <FlagItem flag={flag} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function FlagItem({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const format = useFormat();
  const details = [
    flag.code === 'DUPLICATE_INN' && flag.inn ? t('network.review.flagInn', { inn: flag.inn, kpp: flag.kpp || '—' }) : '',
    flag.similarity != null ? t('network.review.flagSimilarity', { percent: format.number(Math.round(flag.similarity * 100), 0) }) : '',
    flag.later ? t('network.review.flagLater') : '',
  ].filter(Boolean);
  const name = flag.name ?? t('network.review.flagUnnamed');
  return (
    <span className="net-muted">
      {flag.subject === 'APPLICATION' && flag.number
        ? t('network.review.flagNumbered', { number: applicationNumber(t, flag.number), name })
        : t(`network.review.flagSubject.${flag.subject}`, { name })}
      {details.length > 0 && ` (${details.join(', ')})`}
    </span>
  );
}
