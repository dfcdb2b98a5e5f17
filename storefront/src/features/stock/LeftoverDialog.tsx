import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { StockLeftoverSaveDocument, StockWarehousesDocument, type InventoryErrorPartsFragment, type LeftoverRowFragment } from '../../gql/graphql';
import { Button, Checkbox, Dialog, SelectField, TextArea, TextField } from '../../ui';
import { VariantPicker, type PickedVariant } from '../prices/admin/pickers/VariantPicker';
import { PriceRulesErrors } from '../prices/admin/PriceRulesErrors';
import { answerErrors } from './answers';
import { parseQuantity } from './quantities';

const FIELDS = ['warehouse', 'variant', 'quantity', 'discountPercent', 'note'];

/** A leftover on sale: which item of which stock center, up to how many, the discount, a note, published or not. */
export function LeftoverDialog({ row, onClose, onSaved }: { row: LeftoverRowFragment | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [{ data: warehouses }] = useQuery({ query: StockWarehousesDocument, variables: { first: 100, filter: { manageable: true } } });
  const options = (warehouses?.warehouses.edges ?? []).flatMap((edge) => (edge?.node ? [{ value: edge.node.id, label: edge.node.name }] : []));
  const [warehouse, setWarehouse] = useState(row?.warehouse.id ?? '');
  const [variant, setVariant] = useState<PickedVariant | null>(
    row ? { id: row.variant.id, sku: row.variant.sku, name: row.variant.name, productName: row.variant.product.name } : null,
  );
  const [quantity, setQuantity] = useState(row?.quantity ?? '');
  const [discount, setDiscount] = useState(row?.discountPercent ?? '');
  const [note, setNote] = useState(row?.note ?? '');
  const [published, setPublished] = useState(row?.isPublished ?? true);
  const [at, setAt] = useState<Record<string, string>>({});
  const [rest, setRest] = useState<InventoryErrorPartsFragment[]>([]);
  const [{ fetching }, save] = useMutation(StockLeftoverSaveDocument);
  const chosen = warehouse || options[0]?.value || '';

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!chosen) local.warehouse = t('validation.required');
    if (!variant) local.variant = t('stockAdmin.incoming.chooseVariant');
    const limit = quantity.trim() ? parseQuantity(quantity) : null;
    if (quantity.trim() && (limit === null || Number(limit) <= 0)) local.quantity = t('stockAdmin.stock.badQuantity');
    const percent = discount.trim() ? parseQuantity(discount) : null;
    if (discount.trim() && (percent === null || Number(percent) >= 100)) local.discountPercent = t('stockAdmin.leftovers.badDiscount');
    setAt(local);
    setRest([]);
    if (Object.keys(local).length > 0 || !variant) return;
    const result = await save(
      { input: { warehouse: chosen, variant: variant.id, quantity: limit, discountPercent: percent, note: note.trim(), isPublished: published } },
      { additionalTypenames: ['Leftover'] },
    );
    if (result.data?.leftoverSave?.leftover) {
      onSaved();
      return;
    }
    const errors = answerErrors(result.error, result.data?.leftoverSave?.errors);
    const fieldErrors: Record<string, string> = {};
    const others: InventoryErrorPartsFragment[] = [];
    for (const error of errors) {
      if (error.field && FIELDS.includes(error.field) && !fieldErrors[error.field]) fieldErrors[error.field] = error.message;
      else others.push(error);
    }
    setAt(fieldErrors);
    setRest(others);
  };

  return (
    <Dialog
      open
      title={row ? t('stockAdmin.leftovers.editTitle', { sku: row.variant.sku }) : t('stockAdmin.leftovers.addTitle')}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('stockAdmin.cancel')}
          </Button>
          <Button variant="primary" busy={fetching} onClick={() => void submit()}>
            {t('stockAdmin.save')}
          </Button>
        </>
      }
    >
      <div className="stock-form">
        {row ? (
          <p>
            <strong>{row.variant.sku}</strong> {row.variant.product.name} · {row.warehouse.name}
          </p>
        ) : (
          <>
            <SelectField label={t('stockAdmin.leftovers.columns.warehouse')} value={chosen} error={at.warehouse} options={options} onChange={(e) => setWarehouse(e.target.value)} />
            <VariantPicker label={t('stockAdmin.incoming.variant')} onPick={setVariant} error={at.variant} />
            {variant && (
              <p>
                <strong>{variant.sku}</strong> {variant.productName}
              </p>
            )}
          </>
        )}
        <div className="stock-form__row">
          <TextField
            label={t('stockAdmin.leftovers.columns.limit')}
            inputMode="decimal"
            hint={t('stockAdmin.leftovers.limitHint')}
            value={quantity}
            error={at.quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
          <TextField
            label={t('stockAdmin.leftovers.discountLabel')}
            inputMode="decimal"
            value={discount}
            error={at.discountPercent}
            onChange={(e) => setDiscount(e.target.value)}
          />
        </div>
        <TextArea label={t('stockAdmin.leftovers.columns.note')} value={note} error={at.note} rows={2} onChange={(e) => setNote(e.target.value)} />
        <Checkbox label={t('stockAdmin.leftovers.publish')} checked={published} onChange={(e) => setPublished(e.target.checked)} />
        <PriceRulesErrors errors={rest} />
      </div>
    </Dialog>
  );
}
