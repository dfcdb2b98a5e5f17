import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';

const options = {
  announcementAudienceOptions: {
    priceGroups: [{ id: 'PG1', name: 'Лучшие субдилеры', memberCount: 3 }],
    regions: [
      { name: 'Москва', nameEn: 'Moscow' },
      { name: 'Московская область', nameEn: 'Moscow Oblast' },
    ],
  },
};
const search = {
  products: { edges: [{ node: { id: 'P5', name: 'Эмаль ПФ-115 белая', slug: 'emal-pf-115' } }] },
};
const created = (id: string) => ({
  announcementCreate: {
    announcement: { id, kind: 'NEWS', title: 'Суббота', status: 'PUBLISHED', publishAt: null, updatedAt: '2026-11-30T09:00:00Z', audience: null },
    errors: [],
  },
});
const sent = (calls: ApiCall[]) => calls.find((c) => c.operation === 'AnnouncementCreate')?.variables;

describe('publishing as a dealer', () => {
  it('sends the text, the products found and the chosen audience, with a preview on the way', async () => {
    const { api } = renderApp({
      path: '/announcements/new',
      showLocation: true,
      answers: {
        Me: me(1, 0, { admin: true }),
        AnnouncementAudienceOptions: options,
        AnnouncementProductSearch: search,
        AnnouncementCreate: created('AN9'),
        MyAnnouncements: { announcements: { totalCount: 0, edges: [] } },
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Заголовок'), 'Самовывоз по субботам');
    await user.type(screen.getByLabelText('Текст'), 'Склад открыт.{enter}{enter}С 10 до 16.');
    const preview = screen.getByTestId('announcement-preview');
    expect(preview.textContent).toContain('Самовывоз по субботам');
    expect(preview.textContent).toContain('С 10 до 16.');

    await user.type(screen.getByRole('searchbox', { name: 'Найти товар' }), 'эмаль');
    await user.click(await screen.findByRole('button', { name: 'Добавить Эмаль ПФ-115 белая' }));
    await user.click(screen.getByRole('radio', { name: 'Выбранным группам цен и регионам' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Лучшие субдилеры · 3 организации' }));
    await user.selectOptions(screen.getByLabelText('Добавить регион'), 'Московская область');
    await user.click(screen.getByRole('button', { name: 'Опубликовать' }));

    await waitFor(() => expect(sent(api.calls)).toBeDefined());
    expect(sent(api.calls)).toEqual({
      input: {
        kind: 'NEWS',
        title: 'Самовывоз по субботам',
        text: 'Склад открыт.\n\nС 10 до 16.',
        productIds: ['P5'],
        promotionId: null,
        audience: { everyoneBelow: false, priceGroupIds: ['PG1'], regions: ['Московская область'] },
      },
      image: null,
      publish: true,
      publishAt: null,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Мои объявления' })).toBeTruthy();
  });

  it('puts the API errors beside their fields', async () => {
    renderApp({
      path: '/announcements/new',
      answers: {
        Me: me(1, 0, { admin: true }),
        AnnouncementAudienceOptions: options,
        AnnouncementCreate: {
          announcementCreate: {
            announcement: null,
            errors: [
              { field: 'title', code: 'REQUIRED', message: 'Give it a title.' },
              { field: 'audience', code: 'AUDIENCE_REQUIRED', message: 'Choose.' },
            ],
          },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Выбранным группам цен и регионам' }));
    await user.click(screen.getByRole('button', { name: 'Опубликовать' }));
    expect(await screen.findByText('Выберите группы цен или регионы — или отправьте всем ниже вас.')).toBeTruthy();
    expect(screen.getByLabelText('Заголовок').getAttribute('aria-invalid')).toBe('true');
  });

  it('edits an announcement of its own: the form starts from it and sends the changes', async () => {
    const { api } = renderApp({
      path: '/announcements/AN3/edit',
      answers: {
        Me: me(1, 0, { admin: true }),
        AnnouncementAudienceOptions: options,
        AnnouncementForEdit: {
          announcement: {
            id: 'AN3',
            kind: 'PROMOTION',
            title: 'Скидка',
            text: 'Только неделю.',
            status: 'PUBLISHED',
            isMine: true,
            promotionId: 'PR1',
            image: null,
            products: [{ id: 'P5', name: 'Эмаль ПФ-115 белая', slug: 'emal-pf-115' }],
            audience: { everyoneBelow: false, priceGroupIds: ['PG1'], regions: [] },
          },
        },
        AnnouncementUpdate: { announcementUpdate: { announcement: null, errors: [] } },
        MyAnnouncements: { announcements: { totalCount: 0, edges: [] } },
      },
    });
    const user = userEvent.setup();
    const title = await screen.findByLabelText('Заголовок');
    expect((title as HTMLInputElement).value).toBe('Скидка');
    expect(await screen.findByRole('checkbox', { name: 'Лучшие субдилеры · 3 организации' })).toHaveProperty('checked', true);
    await user.clear(title);
    await user.type(title, 'Скидка 10%');
    await user.click(screen.getByRole('button', { name: 'Сохранить изменения' }));
    await waitFor(() => expect(api.calls.find((c) => c.operation === 'AnnouncementUpdate')?.variables).toEqual({
      id: 'AN3',
      input: {
        kind: 'PROMOTION',
        title: 'Скидка 10%',
        text: 'Только неделю.',
        productIds: ['P5'],
        promotionId: 'PR1',
        audience: { everyoneBelow: false, priceGroupIds: ['PG1'], regions: [] },
      },
      image: null,
      removeImage: false,
    }));
  });

  it('is not offered to a buyer', async () => {
    renderApp({ path: '/announcements/new', answers: { Me: me(1, 0) } });
    expect(await screen.findByText('Публиковать объявления могут сотрудники производителя и администраторы дилеров.')).toBeTruthy();
  });
});
