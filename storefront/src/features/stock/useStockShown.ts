import { useSession } from '../auth/SessionProvider';

/**
 * Whether stock is shown at all: to anyone signed in (the API decides which warehouses and
 * how exactly); a visitor who is not signed in sees no stock, not even «нет в наличии».
 */
export function useStockShown(): boolean {
  const { state } = useSession();
  return Boolean(state.tokens);
}
