import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { categories, facets, me, products } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const URL = '/downloads/prices/signed-token/';

function answers(extra: Record<string, unknown> = {}, active: number | null = 0) {
  return {
    Me: me(1, active),
    CatalogCategories: categories,
    CatalogFacets: facets,
    CatalogProducts: products(),
    PriceListExport: { priceListExport: { url: URL, expiresAt: '2026-11-30T10:00:00Z', errors: [] } },
    ...extra,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('download my price list', () => {
  it('asks the API for a signed link in the reader’s language and lets the browser fetch the file', async () => {
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href') ?? '');
      expect(this.hasAttribute('download')).toBe(true);
    });
    const { api } = renderApp({ path: '/catalog', answers: answers(), language: 'en' });

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Download price list (xlsx)' }));

    await waitFor(() => expect(clicked).toEqual([URL]));
    const call = api.calls.find((c) => c.operation === 'PriceListExport');
    expect(call?.variables).toEqual({ priceList: null, language: 'en' });
    expect(call?.organization).toBe('O2');
  });

  it('says why when the API refuses, in Russian', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const refused = {
      priceListExport: {
        url: null,
        expiresAt: null,
        errors: [{ field: 'priceList', code: 'NOT_FOUND', message: 'Your organization buys from nobody.' }],
      },
    };
    renderApp({ path: '/catalog', answers: answers({ PriceListExport: refused }) });
    const button = await screen.findByRole('button', { name: 'Скачать прайс-лист (xlsx)' });
    const shell = button.closest('.price-download') as HTMLElement;
    expect(within(shell).queryByRole('alert')).toBeNull();

    await userEvent.setup().click(button);

    await waitFor(() => expect(within(shell).getByRole('alert').textContent).toContain('Не найдено'));
    expect(click).not.toHaveBeenCalled();
  });

  it('is not offered without an organization to price for', async () => {
    renderApp({ path: '/catalog', answers: answers({}, null) });

    await screen.findByTestId('current-user');
    expect(screen.queryByRole('button', { name: 'Скачать прайс-лист (xlsx)' })).toBeNull();
  });
});
