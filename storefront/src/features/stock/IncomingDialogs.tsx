import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { StockIncomingCreateDocument, StockIncomingDeleteDocument, StockIncomingReceiveDocument, StockIncomingUpdateDocument, type InventoryErrorPartsFragment, type WarehouseRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button, Dialog, TextField } from '../../ui';
import { VariantPicker, type PickedVariant } from '../prices/admin/pickers/VariantPicker';
import { PriceRulesErrors } from '../prices/admin/PriceRulesErrors';
import { answerErrors } from './answers';
import { ConfirmRemoval } from './ConfirmRemoval';
import type { IncomingRow } from './IncomingSection';
import { parseQuantity } from './quantities';

const TYPENAMES = { additionalTypenames: ['IncomingSupply', 'StockItem', 'StockMovement'] };

/** Errors at the form's fields by name; the rest as alerts. */
function split(errors: InventoryErrorPartsFragment[], fields: string[]) {
  const at: Record<string, string> = {};
  const rest: InventoryErrorPartsFragment[] = [];
  for (const error of errors) {
    if (error.field && fields.includes(error.field) && !at[error.field]) at[error.field] = error.message;
    else rest.push(error);
  }
  return { at, rest };
}

/** Adds incoming supply (variant, quantity, expected date, reference) or changes one. */
export function IncomingDialog({
  warehouse,
  row,
  onClose,
  onSaved,
}: {
  warehouse: WarehouseRowFragment;
  row: IncomingRow | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [variant, setVariant] = useState<PickedVariant | null>(
    row ? { id: row.variant.id, sku: row.variant.sku, name: row.variant.name, productName: row.variant.product.name } : null,
  );
  const [quantity, setQuantity] = useState(row?.quantity.exact ?? '');
  const [expectedDate, setExpectedDate] = useState(row?.expectedDate ?? '');
  const [reference, setReference] = useState(row?.reference ?? '');
  const [at, setAt] = useState<Record<string, string>>({});
  const [rest, setRest] = useState<InventoryErrorPartsFragment[]>([]);
  const [{ fetching: creating }, create] = useMutation(StockIncomingCreateDocument);
  const [{ fetching: updating }, update] = useMutation(StockIncomingUpdateDocument);

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!variant) local.variant = t('stockAdmin.incoming.chooseVariant');
    const parsed = parseQuantity(quantity);
    if (parsed === null || Number(parsed) <= 0) local.quantity = t('stockAdmin.stock.badQuantity');
    if (!expectedDate) local.expectedDate = t('validation.required');
    setAt(local);
    setRest([]);
    if (Object.keys(local).length > 0 || !variant || parsed === null) return;
    const input = { warehouse: warehouse.id, variant: variant.id, quantity: parsed, expectedDate, reference: reference.trim() };
    const result = row ? await update({ id: row.id, input }, TYPENAMES) : await create({ input }, TYPENAMES);
    const answer = result.data && ('incomingSupplyUpdate' in result.data ? result.data.incomingSupplyUpdate : result.data.incomingSupplyCreate);
    if (answer?.incomingSupply) {
      onSaved();
      return;
    }
    const errors = split(answerErrors(result.error, answer?.errors), ['variant', 'quantity', 'expectedDate', 'reference']);
    setAt(errors.at);
    setRest(errors.rest);
  };

  return (
    <Dialog
      open
      title={row ? t('stockAdmin.incoming.editTitle', { sku: row.variant.sku }) : t('stockAdmin.incoming.addTitle')}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('stockAdmin.cancel')}
          </Button>
          <Button variant="primary" busy={creating || updating} onClick={() => void submit()}>
            {t('stockAdmin.save')}
          </Button>
        </>
      }
    >
      <div className="stock-form">
        {row ? (
          <p>
            <strong>{row.variant.sku}</strong> {row.variant.product.name}
          </p>
        ) : (
          <>
            <VariantPicker label={t('stockAdmin.incoming.variant')} onPick={setVariant} error={at.variant} />
            {variant && (
              <p>
                <strong>{variant.sku}</strong> {variant.productName}
              </p>
            )}
          </>
        )}
        <div className="stock-form__row">
          <TextField label={t('stockAdmin.incoming.columns.quantity')} inputMode="decimal" value={quantity} error={at.quantity} onChange={(e) => setQuantity(e.target.value)} />
          <TextField label={t('stockAdmin.incoming.columns.expected')} type="date" value={expectedDate} error={at.expectedDate} onChange={(e) => setExpectedDate(e.target.value)} />
        </div>
        <TextField
          label={t('stockAdmin.incoming.columns.reference')}
          hint={t('stockAdmin.incoming.referenceHint')}
          value={reference}
          error={at.reference}
          onChange={(e) => setReference(e.target.value)}
        />
        <PriceRulesErrors errors={rest} />
      </div>
    </Dialog>
  );
}

/** Supply arrived, all of it or a part: on hand grows and the history says so. */
export function ReceiveDialog({ row, onClose, onSaved }: { row: IncomingRow; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [quantity, setQuantity] = useState(row.quantity.exact ?? '');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [rest, setRest] = useState<InventoryErrorPartsFragment[]>([]);
  const [{ fetching }, receive] = useMutation(StockIncomingReceiveDocument);

  const submit = async () => {
    const parsed = parseQuantity(quantity);
    setInvalid(undefined);
    setRest([]);
    if (parsed === null || Number(parsed) <= 0) {
      setInvalid(t('stockAdmin.stock.badQuantity'));
      return;
    }
    const result = await receive({ id: row.id, quantity: parsed }, TYPENAMES);
    if (!result.error && result.data?.incomingSupplyReceive && result.data.incomingSupplyReceive.errors.length === 0) {
      onSaved();
      return;
    }
    const errors = split(answerErrors(result.error, result.data?.incomingSupplyReceive?.errors), ['quantity']);
    setInvalid(errors.at.quantity);
    setRest(errors.rest);
  };

  return (
    <Dialog
      open
      title={t('stockAdmin.incoming.receiveTitle', { sku: row.variant.sku })}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('stockAdmin.cancel')}
          </Button>
          <Button variant="primary" busy={fetching} onClick={() => void submit()}>
            {t('stockAdmin.incoming.receive')}
          </Button>
        </>
      }
    >
      <div className="stock-form">
        <p>{t('stockAdmin.incoming.receiveText', { expected: format.quantity(row.quantity.exact, row.variant.unit), date: format.date(row.expectedDate) })}</p>
        <TextField label={t('stockAdmin.incoming.receivedQuantity')} inputMode="decimal" value={quantity} error={invalid} onChange={(e) => setQuantity(e.target.value)} />
        <PriceRulesErrors errors={rest} />
      </div>
    </Dialog>
  );
}

/** Drops a planned supply after a confirmation; supply already reserved for pre-orders is refused (SUPPLY_RESERVED). */
export function DeleteIncomingDialog({ row, onClose, onDeleted }: { row: IncomingRow; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ fetching }, remove] = useMutation(StockIncomingDeleteDocument);
  const run = async () => {
    const result = await remove({ id: row.id }, TYPENAMES);
    return answerErrors(result.error, result.data?.incomingSupplyDelete?.errors);
  };
  return (
    <ConfirmRemoval
      title={t('stockAdmin.incoming.deleteTitle', { sku: row.variant.sku })}
      action={t('stockAdmin.incoming.delete')}
      busy={fetching}
      onClose={onClose}
      run={run}
      onDone={onDeleted}
    >
      <p>
        {t('stockAdmin.incoming.deleteText', {
          quantity: format.quantity(row.quantity.exact, row.variant.unit),
          date: format.date(row.expectedDate),
        })}
      </p>
    </ConfirmRemoval>
  );
}
