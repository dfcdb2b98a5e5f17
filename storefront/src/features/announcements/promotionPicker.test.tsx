import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';

const options = { announcementAudienceOptions: { priceGroups: [], regions: [] } };
const promotions = {
  running: { edges: [{ node: { id: 'PR1', name: 'Неделя дверей', starts: '2026-11-23', ends: '2027-01-29' } }] },
  future: { edges: [{ node: { id: 'PR2', name: 'Весенние краски', starts: '2027-03-01', ends: '2027-03-31' } }] },
};
const created = {
  announcementCreate: {
    announcement: { id: 'AN9', kind: 'PROMOTION', title: 'Двери', status: 'PUBLISHED', publishAt: null, updatedAt: '2026-11-30T09:00:00Z', audience: null },
    errors: [],
  },
};
const sent = (calls: ApiCall[]) => calls.find((c) => c.operation === 'AnnouncementCreate')?.variables;
const asked = (calls: ApiCall[]) => calls.some((c) => c.operation === 'AnnouncementPromotionOptions');

/** A dealer's admin who manages the sub-dealers but not the prices (a custom role). */
function withoutPrices() {
  const viewer = me(1, 0, { admin: true });
  const membership = viewer.me!.memberships[0]!;
  viewer.me!.memberships[0] = { ...membership, permissions: membership.permissions.filter((p) => p !== 'MANAGE_PRICES') };
  return viewer;
}

function render(viewer = me(1, 0, { admin: true })) {
  return renderApp({
    path: '/announcements/new',
    answers: {
      Me: viewer,
      AnnouncementAudienceOptions: options,
      AnnouncementPromotionOptions: promotions,
      AnnouncementCreate: created,
      MyAnnouncements: { announcements: { totalCount: 0, edges: [] } },
    },
  });
}

describe('the promotion of a promotion announcement', () => {
  it("offers the dealer's running and future promotions and sends the one chosen", async () => {
    const { api } = render();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Заголовок'), 'Двери со скидкой');
    await user.type(screen.getByLabelText('Текст'), 'Неделя дверей.');
    expect(screen.queryByLabelText('Акция')).toBeNull(); // news: no promotion to choose
    await user.selectOptions(screen.getByLabelText('Тип'), 'PROMOTION');
    const picker = await screen.findByLabelText('Акция');
    await waitFor(() => expect(picker.querySelectorAll('option')).toHaveLength(3));
    const labels = [...picker.querySelectorAll('option')].map((o) => o.textContent);
    expect(labels[0]).toBe('Без акции');
    expect(labels[1]).toMatch(/^Неделя дверей · до 29\.01\.2027$/);
    expect(labels[2]).toMatch(/^Весенние краски · с 01\.03\.2027 по 31\.03\.2027$/);
    expect(api.calls.find((c) => c.operation === 'AnnouncementPromotionOptions')?.variables).toEqual({ owner: 'O2' });
    await user.selectOptions(picker, 'PR1');
    await user.click(screen.getByRole('button', { name: 'Опубликовать' }));
    await waitFor(() => expect(sent(api.calls)).toBeDefined());
    expect(sent(api.calls)?.input).toMatchObject({ kind: 'PROMOTION', promotionId: 'PR1' });
  });

  it('is optional, and not sent once the kind is no longer a promotion', async () => {
    const { api } = render();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Заголовок'), 'Новости');
    await user.type(screen.getByLabelText('Текст'), 'Текст.');
    await user.selectOptions(screen.getByLabelText('Тип'), 'PROMOTION');
    await user.selectOptions(await screen.findByLabelText('Акция'), 'PR2');
    await user.selectOptions(screen.getByLabelText('Тип'), 'NEWS');
    expect(screen.queryByLabelText('Акция')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Опубликовать' }));
    await waitFor(() => expect(sent(api.calls)).toBeDefined());
    expect(sent(api.calls)?.input).toMatchObject({ kind: 'NEWS', promotionId: null });
  });

  it('is hidden from a publisher who cannot list the promotions', async () => {
    const { api } = render(withoutPrices());
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Тип'), 'PROMOTION');
    expect(screen.getByLabelText('Заголовок')).toBeTruthy();
    expect(screen.queryByLabelText('Акция')).toBeNull();
    expect(asked(api.calls)).toBe(false);
  });

  it('says so when the dealer has no running or future promotion, in English too', async () => {
    renderApp({
      path: '/announcements/new',
      language: 'en',
      answers: {
        Me: me(1, 0, { admin: true }),
        AnnouncementAudienceOptions: options,
        AnnouncementPromotionOptions: { running: { edges: [] }, future: { edges: [] } },
      },
    });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Kind'), 'PROMOTION');
    expect(await screen.findByText('No running or upcoming promotions.')).toBeTruthy();
    expect(screen.getByLabelText('Promotion')).toBeTruthy();
  });
});
