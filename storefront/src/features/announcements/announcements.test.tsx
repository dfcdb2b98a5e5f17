import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AnnouncementCardFragment } from '../../gql/graphql';
import { me, productDetail, products } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';

const card = (index: number, overrides: Partial<AnnouncementCardFragment> = {}): AnnouncementCardFragment => ({
  id: `AN${index}`,
  kind: 'NEWS',
  title: `Новость ${index}`,
  paragraphs: [`Первый абзац ${index}.`, 'Второй абзац.'],
  publishAt: '2026-11-20T09:00:00Z',
  status: 'PUBLISHED',
  isRead: false,
  publisherName: 'Завод «Волга-Декор»',
  image: null,
  products: [],
  ...overrides,
});

function feed(items: AnnouncementCardFragment[]) {
  return {
    announcements: {
      totalCount: items.length,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: items.map((node) => ({ node })),
    },
    announcementsUnreadCount: items.filter((item) => !item.isRead).length,
  };
}

const calls = (api: { calls: ApiCall[] }, operation: string) => api.calls.filter((c) => c.operation === operation);

describe('the home feed', () => {
  it('marks unread announcements and marks them all read on request', async () => {
    let items = [card(1), card(2, { isRead: true, kind: 'PROMOTION', products: [{ id: 'P0', name: 'Краска фасадная', slug: 'kraska' }] })];
    const { api } = renderApp({
      path: '/',
      answers: {
        Me: me(1, 0),
        AnnouncementFeed: () => feed(items),
        AnnouncementsMarkAllRead: () => {
          items = items.map((item) => ({ ...item, isRead: true }));
          return { announcementsMarkAllRead: { marked: 1, errors: [] } };
        },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Новости и акции' })).toBeTruthy();
    const cards = await screen.findAllByTestId('announcement');
    expect(cards.map((c) => c.getAttribute('data-read'))).toEqual(['false', 'true']);
    expect(within(cards[0]!).getByText('Новое')).toBeTruthy();
    expect(within(cards[1]!).queryByText('Новое')).toBeNull();
    expect(within(cards[1]!).getByText('Акция')).toBeTruthy();
    expect(within(cards[1]!).getByRole('link', { name: 'Краска фасадная' }).getAttribute('href')).toBe('/product/kraska');
    expect(screen.getByTestId('unread-count').textContent).toBe('1 непрочитанное');
    expect(calls(api, 'AnnouncementFeed')[0]?.variables).toEqual({ first: 20, filter: { authored: false } });

    await userEvent.setup().click(screen.getByRole('button', { name: 'Отметить все прочитанными' }));
    await waitFor(() => expect(screen.getByTestId('unread-count').textContent).toBe('Всё прочитано'));
    expect(calls(api, 'AnnouncementsMarkAllRead')).toHaveLength(1);
    expect(screen.getAllByTestId('announcement').map((c) => c.getAttribute('data-read'))).toEqual(['true', 'true']);
    expect(screen.getByRole('button', { name: 'Отметить все прочитанными' })).toHaveProperty('disabled', true);
  });

  it('says so when nothing has been published, in English too', async () => {
    renderApp({ path: '/', language: 'en', answers: { Me: me(1, 0), AnnouncementFeed: feed([]) } });
    expect(await screen.findByText('No news yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toHaveProperty('disabled', true);
  });
});

describe('one announcement', () => {
  it('is marked read when opened, in full', async () => {
    const { api } = renderApp({
      path: '/news/AN1',
      answers: {
        Me: me(1, 0),
        AnnouncementDetail: { announcement: { ...card(1), isMine: false } },
        AnnouncementMarkRead: { announcementMarkRead: { announcement: { id: 'AN1', isRead: true }, errors: [] } },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Новость 1' })).toBeTruthy();
    expect(screen.getByText('Второй абзац.')).toBeTruthy();
    await waitFor(() => expect(calls(api, 'AnnouncementMarkRead').map((c) => c.variables)).toEqual([{ id: 'AN1' }]));
  });
});

describe('the catalog', () => {
  const promoted = {
    announcements: {
      edges: [{ node: { id: 'AN7', kind: 'PROMOTION', title: 'Осенняя акция', isRead: false, products: [{ id: 'P0' }] } }],
    },
  };

  it('asks for the announcements of the products shown and marks the promoted one', async () => {
    const { api } = renderApp({
      path: '/catalog',
      answers: {
        Me: me(1, 0),
        CatalogCategories: { categories: { edges: [] } },
        CatalogProducts: products(2),
        CatalogFacets: { productFacets: [] },
        ProductAnnouncements: promoted,
      },
    });
    const mark = await screen.findByRole('link', { name: 'Акция: Осенняя акция' });
    expect(mark.getAttribute('href')).toBe('/news/AN7');
    expect(screen.getAllByRole('link', { name: /^Акция:/ })).toHaveLength(1);
    expect(calls(api, 'ProductAnnouncements').at(-1)?.variables).toEqual({ productIds: ['P0', 'P1'] });
  });

  it('shows a small block on the product page', async () => {
    renderApp({
      path: '/product/kraska-fasadnaia-fasad-pro',
      answers: { Me: me(1, 0), ProductDetail: productDetail, ProductAnnouncements: promoted },
    });
    const block = await screen.findByTestId('product-announcements');
    expect(within(block).getByRole('heading', { name: 'Объявления о товаре' })).toBeTruthy();
    expect(within(block).getByRole('link', { name: 'Осенняя акция' }).getAttribute('href')).toBe('/news/AN7');
    expect(within(block).getByText('Новое')).toBeTruthy();
  });
});
