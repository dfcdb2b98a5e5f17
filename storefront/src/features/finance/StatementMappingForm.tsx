import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementColumnInput } from '../../gql/graphql';
import { Button, SelectField } from '../../ui';

/** What a column of the partner's statement may hold, as the comparison reads it. */
export const STATEMENT_FIELDS = ['date', 'document', 'debit', 'credit', 'amount'] as const;
const SKIP = 'skip';

/**
 * The guessed column mapping for confirmation: one select per column of the file, the guess
 * preselected. A field is held by one column at a time: choosing it elsewhere frees it here.
 */
export function StatementMappingForm({
  guess,
  busy,
  onConfirm,
  onCancel,
}: {
  guess: StatementColumnInput[];
  busy: boolean;
  onConfirm: (mapping: StatementColumnInput[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState(guess);
  const choose = (column: string, field: string | null) =>
    setMapping((current) =>
      current.map((entry) => (entry.column === column ? { column, field } : field && entry.field === field ? { ...entry, field: null } : entry)),
    );
  const label = (field: string) => ((STATEMENT_FIELDS as readonly string[]).includes(field) ? t(`creditManage.statements.mapping.field.${field as (typeof STATEMENT_FIELDS)[number]}`) : field);
  return (
    <section className="finance-stack" aria-labelledby="statement-mapping" data-testid="statement-mapping">
      <div>
        <h3 id="statement-mapping">{t('creditManage.statements.mapping.title')}</h3>
        <p className="net-muted">{t('creditManage.statements.mapping.text')}</p>
      </div>
      <div className="finance-mapping">
        {mapping.map((entry) => {
          const known = [...STATEMENT_FIELDS, ...(entry.field && !(STATEMENT_FIELDS as readonly string[]).includes(entry.field) ? [entry.field] : [])];
          return (
            <SelectField
              key={entry.column}
              label={t('creditManage.statements.mapping.column', { column: entry.column })}
              value={entry.field ?? SKIP}
              onChange={(event) => choose(entry.column, event.target.value === SKIP ? null : event.target.value)}
              options={[...known.map((field) => ({ value: field, label: label(field) })), { value: SKIP, label: t('creditManage.statements.mapping.field.skip') }]}
            />
          );
        })}
      </div>
      <div className="finance-form__actions">
        <Button variant="primary" busy={busy} onClick={() => onConfirm(mapping)}>
          {t('creditManage.statements.mapping.submit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('creditManage.statements.mapping.cancel')}
        </Button>
      </div>
    </section>
  );
}
