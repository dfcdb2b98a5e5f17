import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApplicationRowFragment } from '../../gql/graphql';
import { createI18n } from '../../i18n';
import { me, pagedAnswer } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';
import { groupFlags } from './review/flagGroups';

const similar = (i: number): ApplicationRowFragment['flags'][number] => ({
  code: 'SIMILAR_NAME',
  subject: 'APPLICATION',
  subjectId: `PA${100 + i}`,
  name: `Flood ${i}`,
  number: i === 1 ? null : 100 + i,
  inn: null,
  kpp: null,
  similarity: 0.8,
  later: i > 5,
});

const application: ApplicationRowFragment = {
  id: 'PA1',
  number: 42,
  companyName: 'Краски Тулы',
  legalName: 'ООО «Краски Тулы»',
  inn: '7107000000',
  kpp: '710701001',
  country: 'RU',
  region: 'Тульская область',
  address: 'Тула, ул. Ленина, 1',
  email: 'irina@kraski.test',
  phone: '+7 487 200-00-00',
  contactFirstName: 'Ирина',
  contactLastName: 'Соколова',
  comment: 'Хотим продавать фасадные краски',
  status: 'SUBMITTED',
  rejectionReason: '',
  createdAt: '2026-11-20T10:00:00Z',
  reviewedAt: null,
  flags: [
    ...Array.from({ length: 10 }, (_, i) => similar(i + 1)),
    { code: 'DUPLICATE_INN', subject: 'ORGANIZATION', subjectId: 'O9', name: 'Дилер Бета', number: null, inn: '7107000000', kpp: '', similarity: null, later: false },
  ],
  organization: null,
  supplier: { id: 'O3', name: 'Тульский колорит', kind: 'DEALER', region: 'Тульская область' },
  joinsAs: 'SUB_DEALER',
};

function answers(approveCalls: ApiCall[] = []) {
  return {
    Me: me(1, 0, { staffPermissions: ['MANAGE_ORGANIZATIONS'] }),
    PartnerApplications: pagedAnswer('partnerApplications', 1, () => application),
    PartnerApplicationApprove: (call: ApiCall) => {
      approveCalls.push(call);
      return {
        partnerApplicationApprove: {
          application: { ...application, status: 'APPROVED', supplier: null, joinsAs: null, organization: { id: 'O10', name: 'Краски Тулы', kind: 'SUB_DEALER' } },
          errors: [],
        },
      };
    },
  };
}

describe('partner application review', () => {
  it('says flags in Russian by code and collapses repeats into one expandable line', async () => {
    renderApp({ path: '/staff/applications', answers: answers() });
    const table = await screen.findByRole('table', { name: 'Заявки' });
    expect(within(table).getByText('З-000042')).toBeTruthy();
    const flags = within(table).getByRole('list', { name: 'Проверить' });
    expect(within(flags).getAllByRole('listitem', { hidden: false }).filter((li) => li.parentElement === flags)).toHaveLength(2);
    expect(within(flags).getByText('10 заявок')).toBeTruthy();
    expect(within(flags).getByText('Похожее название')).toBeTruthy();
    expect(within(flags).getByText(/организация «Дилер Бета» \(ИНН 7107000000, КПП —\)/)).toBeTruthy();
    expect(table.textContent).not.toMatch(/resembles|pending application|registered/);
    // The ten names are one click away, each once.
    const group = within(flags).getByText('10 заявок').closest('details')!;
    expect(group.open).toBe(false);
    await userEvent.setup().click(within(group).getByText('10 заявок'));
    expect(group.open).toBe(true);
    expect(within(group).getByText('заявка З-000107 «Flood 7» (сходство 80 %, подана позже)')).toBeTruthy();
    expect(within(table).getByText('→ Тульский колорит')).toBeTruthy();
  });

  it('counts flags with the right plural forms and lists a company once per code', () => {
    const flag = (id: string, subject: 'ORGANIZATION' | 'APPLICATION') => ({ ...similar(1), subjectId: id, subject });
    const [group] = groupFlags([flag('A1', 'APPLICATION'), flag('A1', 'APPLICATION'), flag('O1', 'ORGANIZATION'), flag('A2', 'APPLICATION')]);
    expect(group).toMatchObject({ code: 'SIMILAR_NAME', organizations: 1, applications: 2 });
    expect(group!.flags.map((f) => f.subjectId)).toEqual(['A1', 'O1', 'A2']);
    const ru = createI18n('ru');
    const counts = [1, 2, 5, 21, 22, 11].map((count) => ru.t('network.review.flagCount.APPLICATION', { count }));
    expect(counts).toEqual(['1 заявка', '2 заявки', '5 заявок', '21 заявка', '22 заявки', '11 заявок']);
    expect(ru.t('network.review.flagCount.ORGANIZATION', { count: 3 })).toBe('3 организации');
    expect(createI18n('en').t('network.review.flagCount.ORGANIZATION', { count: 1 })).toBe('1 organization');
  });

  it('shows the details staff decide on: comment, address, contact, INN, flags and the dealer it joins', async () => {
    renderApp({ path: '/staff/applications', answers: answers() });
    await screen.findByRole('table', { name: 'Заявки' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Подробнее о заявке «Краски Тулы»' }));
    const dialog = screen.getByRole('dialog', { name: 'Заявка З-000042: «Краски Тулы»' });
    const details = within(dialog).getByTestId('application-details');
    expect(within(details).getByText('Хотим продавать фасадные краски')).toBeTruthy();
    expect(within(details).getByText('Тула, ул. Ленина, 1')).toBeTruthy();
    expect(within(details).getByText('7107000000 / 710701001')).toBeTruthy();
    expect(within(details).getByText('irina@kraski.test')).toBeTruthy();
    expect(within(details).getByText('Тульский колорит — как субдилер')).toBeTruthy();
    expect(within(dialog).getByText('заявка «Flood 1» (сходство 80 %)')).toBeTruthy();
  });

  it('approves only after a confirmation that names the company and the dealer it joins', async () => {
    const approveCalls: ApiCall[] = [];
    renderApp({ path: '/staff/applications', answers: answers(approveCalls) });
    await screen.findByRole('table', { name: 'Заявки' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Одобрить заявку «Краски Тулы»' }));
    expect(approveCalls).toHaveLength(0);
    const dialog = screen.getByRole('dialog', { name: 'Одобрить заявку «Краски Тулы»?' });
    expect(within(dialog).getByTestId('approve-placement').textContent).toBe(
      'Будет создана организация «Краски Тулы» — субдилер в сети «Тульский колорит».',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(approveCalls).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Одобрить заявку «Краски Тулы»' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Одобрить и пригласить' }));
    expect(approveCalls.map((c) => c.variables)).toEqual([{ id: 'PA1' }]);
    expect(await screen.findByText(/Заявка «Краски Тулы» одобрена/)).toBeTruthy();
  });

  it('says the number with the English prefix in English', async () => {
    renderApp({ path: '/staff/applications', answers: answers(), language: 'en' });
    const table = await screen.findByRole('table', { name: 'Applications' });
    expect(within(table).getByText('A-000042')).toBeTruthy();
    expect(within(table).getByText('10 applications')).toBeTruthy();
    expect(within(table).getByText('Similar name')).toBeTruthy();
  });
});
