import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { SavedCartCreateDocument } from '../../gql/graphql';
import { Alert, Button, Checkbox, TextField } from '../../ui';
import { CheckoutErrors, useCheckoutErrorText } from './CheckoutErrors';
import { useBuyerArgument } from '../checkout/orderBuyer';

/** «Сохранить корзину»: the cart's lines under a name, for oneself or shared with the organization. */
export function SaveCartForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const errorText = useCheckoutErrorText();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const buyer = useBuyerArgument();
  const [state, create] = useMutation(SavedCartCreateDocument);
  const errors = state.data?.savedCartCreate?.errors ?? [];
  const nameError = errors.find((error) => error.field === 'name');

  return (
    <form
      className="saved-carts__form quick-order"
      aria-labelledby="save-cart-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(null);
        const result = await create({ input: { name: name.trim(), shared, buyer } });
        const answer = result.data?.savedCartCreate;
        if (answer?.savedCart && answer.errors.length === 0) {
          setSaved(answer.savedCart.name);
          setName('');
          onSaved();
        }
      }}
    >
      <h2 id="save-cart-title">{t('cart.saved.saveTitle')}</h2>
      <TextField
        label={t('cart.saved.name')}
        value={name}
        maxLength={100}
        required
        onChange={(event) => setName(event.target.value)}
        error={nameError ? errorText(nameError) : undefined}
      />
      <Checkbox label={t('cart.saved.sharedLabel')} checked={shared} onChange={(event) => setShared(event.target.checked)} />
      <Button type="submit" variant="primary" busy={state.fetching} disabled={!name.trim()}>
        {t('cart.saved.save')}
      </Button>
      <CheckoutErrors errors={errors.filter((error) => error !== nameError)} error={state.error} />
      {saved && <Alert tone="success">{t('cart.saved.savedAs', { name: saved })}</Alert>}
    </form>
  );
}
