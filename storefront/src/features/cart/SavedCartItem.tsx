import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { SavedCartDeleteDocument, SavedCartUpdateDocument, type SavedCartPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Badge, Button, Checkbox, Dialog, TextField } from '../../ui';
import { CheckoutErrors, useCheckoutErrorText } from './CheckoutErrors';

type Open = 'load' | 'rename' | 'delete' | null;

/** One saved cart: what it holds, whose it is; load it, and for its owner rename, share, delete. */
export function SavedCartItem({
  saved,
  busy,
  onLoad,
  onChanged,
}: {
  saved: SavedCartPartsFragment;
  busy: boolean;
  onLoad: (replace: boolean) => Promise<void>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useCheckoutErrorText();
  const [open, setOpen] = useState<Open>(null);
  const [name, setName] = useState(saved.name);
  const [update, sendUpdate] = useMutation(SavedCartUpdateDocument);
  const [removal, sendDelete] = useMutation(SavedCartDeleteDocument);
  const updateErrors = update.data?.savedCartUpdate?.errors ?? [];
  const nameError = updateErrors.find((error) => error.field === 'name');

  const save = async (input: { name: string; shared: boolean }) => {
    const result = await sendUpdate({ id: saved.id, input });
    const ok = !result.error && result.data?.savedCartUpdate?.errors.length === 0;
    if (ok) onChanged();
    return ok;
  };

  return (
    <li className="saved-cart" data-testid="saved-cart">
      <div>
        <h3 className="saved-cart__name">
          {saved.name} {saved.shared && <Badge tone="info">{t('cart.saved.shared')}</Badge>}
        </h3>
        <p className="saved-cart__meta">
          {t('cart.lines', { count: saved.lineCount, formatted: format.number(saved.lineCount) })} ·{' '}
          {saved.mine ? t('cart.saved.mine') : saved.owner.fullName} · {format.dateTime(saved.updatedAt)}
        </p>
        {saved.mine && (
          <Checkbox
            label={t('cart.saved.sharedLabel')}
            checked={saved.shared}
            disabled={update.fetching}
            onChange={(event) => void save({ name: saved.name, shared: event.target.checked })}
          />
        )}
      </div>
      <div className="saved-cart__actions">
        <Button variant="primary" busy={busy} onClick={() => setOpen('load')}>
          {t('cart.saved.load')}
        </Button>
        {saved.mine && (
          <>
            <Button onClick={() => setOpen('rename')}>{t('cart.saved.rename')}</Button>
            <Button variant="danger" onClick={() => setOpen('delete')}>
              {t('cart.saved.delete')}
            </Button>
          </>
        )}
      </div>
      {!open && <CheckoutErrors errors={updateErrors} error={update.error} />}
      <Dialog
        open={open === 'load'}
        title={t('cart.saved.loadTitle', { name: saved.name })}
        onClose={() => setOpen(null)}
        footer={
          <>
            <Button onClick={() => setOpen(null)}>{t('cart.cancel')}</Button>
            <Button busy={busy} onClick={async () => { setOpen(null); await onLoad(false); }}>
              {t('cart.saved.loadAdd')}
            </Button>
            <Button variant="primary" busy={busy} onClick={async () => { setOpen(null); await onLoad(true); }}>
              {t('cart.saved.loadReplace')}
            </Button>
          </>
        }
      >
        <p>{t('cart.saved.loadText')}</p>
      </Dialog>
      <Dialog
        open={open === 'rename'}
        title={t('cart.saved.renameTitle')}
        onClose={() => setOpen(null)}
        footer={
          <>
            <Button onClick={() => setOpen(null)}>{t('cart.cancel')}</Button>
            <Button
              variant="primary"
              busy={update.fetching}
              disabled={!name.trim()}
              onClick={async () => {
                if (await save({ name: name.trim(), shared: saved.shared })) setOpen(null);
              }}
            >
              {t('cart.saved.save')}
            </Button>
          </>
        }
      >
        <TextField
          label={t('cart.saved.name')}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={nameError ? errorText(nameError) : undefined}
        />
        <CheckoutErrors errors={updateErrors.filter((error) => error !== nameError)} error={update.error} />
      </Dialog>
      <Dialog
        open={open === 'delete'}
        title={t('cart.saved.deleteTitle', { name: saved.name })}
        onClose={() => setOpen(null)}
        footer={
          <>
            <Button onClick={() => setOpen(null)}>{t('cart.cancel')}</Button>
            <Button
              variant="danger"
              busy={removal.fetching}
              onClick={async () => {
                const result = await sendDelete({ id: saved.id });
                if (!result.error && result.data?.savedCartDelete?.errors.length === 0) {
                  setOpen(null);
                  onChanged();
                }
              }}
            >
              {t('cart.saved.delete')}
            </Button>
          </>
        }
      >
        <p>{t('cart.saved.deleteText')}</p>
        <CheckoutErrors errors={removal.data?.savedCartDelete?.errors} error={removal.error} />
      </Dialog>
    </li>
  );
}
