import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionProvider';

/** The client a staff member or a dealer's admin orders for, and for which of its organizations. */
export interface OrderClientChoice {
  id: string;
  name: string;
  /** The organization the viewer acted for when choosing: another one makes the choice void. */
  organization: string | null;
}

/** The address parameter that names the client: a reload or a shared link keeps it. */
export const FOR_PARAM = 'for';
const STORAGE_KEY = 'b2b.orderFor';
const listeners = new Set<() => void>();

// This tab only: another tab may be ordering for someone else (or for its own organization).
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

let snapshot: string | null = storage()?.getItem(STORAGE_KEY) ?? null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function write(choice: OrderClientChoice | null) {
  snapshot = choice ? JSON.stringify(choice) : null;
  if (snapshot) storage()?.setItem(STORAGE_KEY, snapshot);
  else storage()?.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

function parse(text: string | null): OrderClientChoice | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as OrderClientChoice;
    return typeof value.id === 'string' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Whom the cart, the order file and the checkout are for: a client chosen in the picker, or
 * null for the viewer's own organization. `?for=<id>` in the address wins (and is remembered
 * for the tab, so the cart and the checkout agree without carrying it in every link).
 */
export function useOrderClient() {
  const { state } = useSession();
  const organization = state.organizationId;
  const [params, setParams] = useSearchParams();
  const fromAddress = params.get(FOR_PARAM);
  const stored = parse(useSyncExternalStore(subscribe, () => snapshot));
  const current = stored && stored.organization === organization ? stored : null;

  // Only a new address is remembered: while «back to my organization» takes `for` out of the
  // address, the choice just forgotten must not be written again from it.
  useEffect(() => {
    const remembered = parse(snapshot);
    if (fromAddress && (remembered?.id !== fromAddress || remembered.organization !== organization)) {
      write({ id: fromAddress, name: '', organization });
    }
  }, [fromAddress, organization]);

  const choose = useCallback(
    (client: { id: string; name: string }) => {
      write({ ...client, organization });
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        next.set(FOR_PARAM, client.id);
        return next;
      }, { replace: true });
    },
    [organization, setParams],
  );
  const clear = useCallback(() => {
    write(null);
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.delete(FOR_PARAM);
      return next;
    }, { replace: true });
  }, [setParams]);

  const id = fromAddress ?? current?.id ?? null;
  const name = current && current.id === id ? current.name : '';
  return { buyer: id, name, choose, clear };
}

/**
 * The buyer id to send as `buyer` to cart, cartLinesAdd, orderFileUpload and orderPlace: the
 * client ordered for, or null (the active organization). The cart's queries pass it too.
 */
export function useOrderBuyer(): string | null {
  return useOrderClient().buyer;
}

/** The same as a GraphQL argument: the client's id, or left out for the active organization. */
export function useBuyerArgument(): string | undefined {
  return useOrderBuyer() ?? undefined;
}

/** For tests: forget the choice. */
export function resetOrderClient() {
  write(null);
}
