import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PriceListDeleteDocument, PriceListNameDocument, type PriceListErrorFieldsFragment, type PriceListSettingsFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Button, Dialog } from '../../../../ui';
import { PriceRulesErrors } from '../PriceRulesErrors';

/** "Delete" with a confirmation naming what goes with the list; LIST_IN_USE names the lists in the way. */
export function DeleteListButton({ list, onDeleted }: { list: PriceListSettingsFragment; onDeleted: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<PriceListErrorFieldsFragment[]>([]);
  const [{ fetching }, remove] = useMutation(PriceListDeleteDocument);
  const inUse = errors.find((e) => e.code === 'LIST_IN_USE');

  const onConfirm = async () => {
    setErrors([]);
    const result = await remove({ id: list.id }, { additionalTypenames: ['PriceList'] });
    const answer = result.data?.priceListDelete;
    if (answer?.deletedId) {
      setOpen(false);
      onDeleted();
    } else if (result.error) {
      setErrors([{ field: null, code: 'GRAPHQL_ERROR', message: result.error.message, skus: null, listIds: null }]);
    } else {
      setErrors(answer?.errors ?? []);
    }
  };

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('prices.admin.lists.delete')}
      </Button>
      <Dialog
        open={open}
        title={t('prices.admin.lists.deleteTitle', { name: list.name })}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t('prices.admin.lists.cancel')}
            </Button>
            <Button variant="danger" busy={fetching} disabled={Boolean(inUse)} onClick={() => void onConfirm()}>
              {t('prices.admin.lists.deleteConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('prices.admin.lists.deleteText', { entries: format.number(list.entryCount), count: list.assignments.length })}</p>
        <PriceRulesErrors errors={errors} />
        {inUse?.listIds && inUse.listIds.length > 0 && (
          <>
            <p>{t('prices.admin.lists.inUseBy')}</p>
            <ul className="price-in-use">
              {inUse.listIds.map((id) => (
                <li key={id}>
                  <ListLink id={id} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Dialog>
    </>
  );
}

/** A link to a list the API named by its ID, with its name once loaded. */
function ListLink({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: PriceListNameDocument, variables: { id } });
  return <Link to={`/prices/lists/${id}`}>{data?.priceList?.name ?? id}</Link>;
}
