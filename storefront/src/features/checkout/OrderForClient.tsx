import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { OrderClientsDocument } from '../../gql/graphql';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { Button, Dialog, Spinner, TextField } from '../../ui';
import { useOrderClient } from './orderBuyer';

/**
 * «Заказ для клиента»: for those the API lets order for others (staff with MODERATE_ORDERS, a
 * regional manager, a dealer's admin for its sub-dealers). Offered when `orderClients` finds
 * anyone; the choice switches the cart and the checkout to that buyer, and a banner says so
 * with the way back to one's own organization.
 */
export function OrderForClient({ clientName }: { clientName?: string | undefined }) {
  const { t } = useTranslation();
  const { buyer, name, choose, clear } = useOrderClient();
  const [open, setOpen] = useState(false);
  const [any] = useQuery({ query: OrderClientsDocument, variables: { first: 1 }, pause: buyer !== null });

  if (buyer) {
    return (
      <div className="order-for" role="status" data-testid="ordering-for">
        <span className="order-for__text">{t('checkout.client.banner', { client: clientName || name || '…' })}</span>
        <Button size="sm" onClick={clear}>
          {t('checkout.client.back')}
        </Button>
      </div>
    );
  }
  if (!any.data?.orderClients.length) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="order-for-client">
        {t('checkout.client.choose')}
      </Button>
      <ClientPickerDialog
        open={open}
        onClose={() => setOpen(false)}
        onChoose={(client) => {
          choose(client);
          setOpen(false);
        }}
      />
    </>
  );
}

function ClientPickerDialog({ open, onClose, onChoose }: { open: boolean; onClose: () => void; onChoose: (client: { id: string; name: string }) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), 300);
  const [clients] = useQuery({ query: OrderClientsDocument, variables: { search: settled || null, first: 20 }, pause: !open });
  const list = clients.data?.orderClients ?? [];
  return (
    <Dialog open={open} title={t('checkout.client.title')} onClose={onClose}>
      <TextField label={t('checkout.client.search')} type="search" value={search} autoComplete="off" onChange={(event) => setSearch(event.target.value)} />
      {clients.fetching && list.length === 0 ? (
        <Spinner label={t('common.loading')} />
      ) : list.length === 0 ? (
        <p>{t('checkout.client.none')}</p>
      ) : (
        <ul className="client-list" aria-busy={clients.fetching || undefined} data-testid="client-list">
          {list.map((client) => (
            <li key={client.organization.id}>
              <button type="button" className="client-list__item" onClick={() => onChoose({ id: client.organization.id, name: client.name })}>
                <span className="client-list__name">{client.name}</span>
                <span className="client-list__meta">{[t('checkout.client.inn', { inn: client.inn }), client.region].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
