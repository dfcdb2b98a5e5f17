import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  PriceAssignmentListInfoDocument,
  PriceAssignmentRegionsDocument,
  PriceGroupOptionsDocument,
  PriceListAssignDocument,
  type PriceListAssignInput,
} from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Button, Dialog, SelectField } from '../../../../ui';
import { ProblemAlerts } from '../../../../ui/ProblemAlerts';
import { PriceRulesErrors, type PriceRulesErrorLike as PriceRefusal } from '../PriceRulesErrors';
import { OrganizationPicker, type PickedOrganization } from '../pickers/OrganizationPicker';
import { PriceListPicker, type PickedPriceList } from '../pickers/PriceListPicker';
import { useRuleAnswer } from '../useRuleAnswer';
import { TARGET_KINDS, type TargetKind } from './assignmentTarget';

/** The fields the API names in its refusals, as this form shows them. */
const FIELD_OF: Record<string, 'priceList' | 'target'> = {
  id: 'priceList',
  priceList: 'priceList',
  organization: 'target',
  priceGroup: 'target',
  region: 'target',
  target: 'target',
};

/** "Назначить": one list to one target (an organization below, a group, a region, or the default). */
export function AssignDialog({ initialList, onClose, onDone }: { initialList: PickedPriceList | null; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [list, setList] = useState<PickedPriceList | null>(initialList);
  const [kind, setKind] = useState<TargetKind>('organization');
  const [organization, setOrganization] = useState<PickedOrganization | null>(null);
  const [groupId, setGroupId] = useState('');
  const [region, setRegion] = useState('');
  const [missing, setMissing] = useState<{ list?: boolean; target?: boolean }>({});
  const answer = useRuleAnswer();
  const [{ fetching }, assign] = useMutation(PriceListAssignDocument);
  const [info] = useQuery({ query: PriceAssignmentListInfoDocument, variables: { id: list?.id ?? '' }, pause: !list });
  const [groups] = useQuery({ query: PriceGroupOptionsDocument, pause: kind !== 'priceGroup' });
  const [regions] = useQuery({ query: PriceAssignmentRegionsDocument, pause: kind !== 'region' });
  const english = i18n.language === 'en';
  const russia = regions.data?.countries.find((c) => c.code === 'RU')?.regions ?? [];
  const details = list && info.data?.priceList?.id === list.id ? info.data.priceList : null;

  const input = (): PriceListAssignInput | null => {
    if (kind === 'organization') return organization ? { organization: organization.id } : null;
    if (kind === 'priceGroup') return groupId ? { priceGroup: groupId } : null;
    if (kind === 'region') return region ? { region } : null;
    return { ownerDefault: true };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = input();
    setMissing({ list: !list, target: !target });
    if (!list || !target) return;
    answer.clear();
    const result = await assign({ priceList: list.id, input: target });
    if (!answer.settle(result.error, result.data?.priceListAssign?.errors)) return;
    onDone();
    onClose();
  };

  const explain = (error: PriceRefusal): string | null => {
    const key = `prices.admin.assignments.refusals.${error.code}`;
    if (error.code === 'ASSIGNMENT_OUTSIDE_SUBTREE' && error.field === 'priceGroup') return t('prices.admin.assignments.refusals.groupNotYours');
    return i18n.exists(key) ? t(key as 'prices.admin.assignments.refusals.UNIQUE') : null;
  };
  const atField = (field: 'priceList' | 'target') => answer.refusals.some((e) => FIELD_OF[e.field ?? ''] === field);
  const names = organization ? { [organization.id]: organization.name } : {};
  const chooseKind = (next: TargetKind) => {
    setKind(next);
    answer.clearRefusals();
    setMissing((m) => ({ ...m, target: false }));
  };

  return (
    <Dialog open title={t('prices.admin.assignments.assignTitle')} onClose={onClose}>
      <form className="net-dialog-form" onSubmit={submit} noValidate>
        <ProblemAlerts problems={answer.problems} />
        <PriceRulesErrors errors={answer.refusals} names={names} explain={explain} />
        <PriceListPicker
          label={t('prices.admin.assignments.list')}
          value={list}
          onChange={(picked) => {
            setList(picked);
            answer.clearRefusals();
          }}
          error={missing.list ? t('prices.admin.assignments.chooseList') : atField('priceList') ? t('prices.admin.assignments.listRefused') : undefined}
        />
        {details && (
          <p className="price-audience__rule-note" data-testid="assign-list-info">
            {t('prices.admin.assignments.listPriority', { priority: format.number(details.priority) })}{' '}
            {details.validFrom || details.validUntil
              ? t('prices.admin.assignments.validity', { from: format.date(details.validFrom), until: format.date(details.validUntil) })
              : t('prices.admin.assignments.noValidity')}
          </p>
        )}
        <fieldset className="price-audience__kinds">
          <legend className="ui-field__label">{t('prices.admin.assignments.targetKind')}</legend>
          {TARGET_KINDS.map((option) => (
            <label key={option}>
              <input type="radio" name="target-kind" value={option} checked={kind === option} onChange={() => chooseKind(option)} />
              {t(`prices.admin.assignments.kinds.${option}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'organization' &&
          (organization ? (
            <div className="ui-field">
              <span className="ui-field__label">{t('prices.admin.assignments.organization')}</span>
              <div className="price-picked">
                <span>
                  {organization.name} <span className="price-combobox__detail">{t(`organizationKind.${organization.kind as 'DEALER'}`)}</span>
                </span>
                <Button size="sm" variant="ghost" onClick={() => setOrganization(null)} aria-label={t('prices.admin.assignments.changeOrganization', { name: organization.name })}>
                  {t('prices.admin.pickers.change')}
                </Button>
              </div>
              {atField('target') && <p className="ui-field__error">{t('prices.admin.assignments.targetRefused')}</p>}
            </div>
          ) : (
            <OrganizationPicker
              label={t('prices.admin.assignments.organizationSearch')}
              onPick={(picked) => {
                setOrganization(picked);
                answer.clearRefusals();
              }}
              error={missing.target ? t('prices.admin.assignments.chooseOrganization') : undefined}
            />
          ))}
        {kind === 'priceGroup' && (
          <SelectField
            label={t('prices.admin.assignments.group')}
            value={groupId}
            onChange={(e) => setGroupId(e.target.value)}
            disabled={!groups.data}
            hint={groups.data?.priceGroups.edges.length === 0 ? t('prices.admin.pickers.priceGroup.none') : undefined}
            error={missing.target ? t('prices.admin.assignments.chooseGroup') : atField('target') ? t('prices.admin.assignments.targetRefused') : undefined}
            options={[
              { value: '', label: t('prices.admin.assignments.groupPlaceholder') },
              ...(groups.data?.priceGroups.edges ?? []).flatMap((e) => (e?.node ? [{ value: e.node.id, label: e.node.name }] : [])),
            ]}
          />
        )}
        {kind === 'region' && (
          <SelectField
            label={t('prices.admin.assignments.region')}
            value={region}
            onChange={(e) => setRegion(e.target.value)}
            disabled={!regions.data}
            error={missing.target ? t('prices.admin.assignments.chooseRegion') : atField('target') ? t('prices.admin.assignments.targetRefused') : undefined}
            options={[{ value: '', label: t('prices.admin.assignments.regionPlaceholder') }, ...russia.map((r) => ({ value: r.name, label: english ? r.nameEn : r.name }))]}
          />
        )}
        {kind === 'ownerDefault' && <p className="net-muted">{t('prices.admin.assignments.ownerDefaultText')}</p>}
        <div className="ui-dialog__footer">
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button type="submit" variant="primary" busy={fetching}>
            {t('prices.admin.assignments.assignSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
