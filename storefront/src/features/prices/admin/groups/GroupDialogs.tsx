import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { PriceGroupCreateDocument, PriceGroupDeleteDocument, PriceGroupUpdateDocument, type PriceGroupRowFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Alert, Button, Dialog, TextField } from '../../../../ui';
import { ProblemAlerts } from '../../../../ui/ProblemAlerts';
import { PriceRulesErrors, type PriceRulesErrorLike as PriceRefusal } from '../PriceRulesErrors';
import { useRuleAnswer } from '../useRuleAnswer';

/** The API's limit on a group's name (price_rules/services/groups.py). */
const MAX_NAME_LENGTH = 120;

/** Create a group (`group` null; `onSaved` gets the new one) or rename one. */
export function GroupNameDialog({
  group,
  onClose,
  onSaved,
}: {
  group: PriceGroupRowFragment | null;
  onClose: () => void;
  onSaved: (group: PriceGroupRowFragment) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(group?.name ?? '');
  const [nameError, setNameError] = useState<string | undefined>();
  const answer = useRuleAnswer();
  const atName = answer.refusals.find((e) => e.field === 'name');
  const refusedName = atName && (atName.code === 'UNIQUE' ? t('prices.admin.groups.nameTaken') : t(`errors.${atName.code as 'INVALID'}`));
  const [created, create] = useMutation(PriceGroupCreateDocument);
  const [updated, update] = useMutation(PriceGroupUpdateDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError(t('validation.required'));
    if (trimmed.length > MAX_NAME_LENGTH) return setNameError(t('prices.admin.groups.nameTooLong', { count: MAX_NAME_LENGTH }));
    setNameError(undefined);
    answer.clear();
    const input = { name: trimmed };
    const result = group ? await update({ id: group.id, input }) : await create({ input });
    const payload = group
      ? (result.data as { priceGroupUpdate?: { priceGroup?: PriceGroupRowFragment | null; errors: PriceRefusal[] } | null } | undefined)?.priceGroupUpdate
      : (result.data as { priceGroupCreate?: { priceGroup?: PriceGroupRowFragment | null; errors: PriceRefusal[] } | null } | undefined)?.priceGroupCreate;
    if (!answer.settle(result.error, payload?.errors)) return;
    if (payload?.priceGroup) onSaved(payload.priceGroup);
    onClose();
  };

  return (
    <Dialog open title={group ? t('prices.admin.groups.renameTitle', { name: group.name }) : t('prices.admin.groups.createTitle')} onClose={onClose}>
      <form className="net-dialog-form" onSubmit={submit} noValidate>
        <ProblemAlerts problems={answer.problems} />
        <PriceRulesErrors errors={answer.refusals.filter((e) => e.field !== 'name')} />
        <TextField label={t('prices.admin.groups.name')} hint={t('prices.admin.groups.nameHint')} value={name} onChange={(e) => setName(e.target.value)} error={nameError ?? refusedName} maxLength={MAX_NAME_LENGTH + 10} />
        <div className="ui-dialog__footer">
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button type="submit" variant="primary" busy={created.fetching || updated.fetching}>
            {group ? t('network.save') : t('prices.admin.groups.createSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Delete a group, saying first which assignments go with it (the API removes them). */
export function DeleteGroupDialog({ group, onClose, onDone }: { group: PriceGroupRowFragment; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ fetching }, remove] = useMutation(PriceGroupDeleteDocument);
  const answer = useRuleAnswer();
  const confirm = async () => {
    answer.clear();
    const result = await remove({ id: group.id });
    if (!answer.settle(result.error, result.data?.priceGroupDelete?.errors)) return;
    onDone();
    onClose();
  };
  const inUse = group.assignmentCount > 0;
  return (
    <Dialog
      open
      title={t('prices.admin.groups.deleteTitle', { name: group.name })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button variant="danger" onClick={confirm} busy={fetching}>
            {inUse ? t('prices.admin.groups.deleteInUse') : t('network.delete')}
          </Button>
        </>
      }
    >
      <p>{t('prices.admin.groups.deleteText', { count: group.memberCount, formatted: format.number(group.memberCount) })}</p>
      {inUse && (
        <Alert tone="warning" title={t('prices.admin.groups.inUse', { count: group.assignmentCount, formatted: format.number(group.assignmentCount) })}>
          <p>{t('prices.admin.groups.inUseText')}</p>
          <Link to="/prices/assignments">{t('prices.admin.groups.toAssignments')}</Link>
        </Alert>
      )}
      <ProblemAlerts problems={answer.problems} />
      <PriceRulesErrors errors={answer.refusals} />
    </Dialog>
  );
}
