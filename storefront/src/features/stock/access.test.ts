import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { buysFromSeller, stockManagement } from './access';
import { dayStart } from './MovementsSection';
import { isBigDrop, signed } from './quantities';
import { staff, stockManager } from './testData';

describe('who manages stock', () => {
  it('a partner whose role holds MANAGE_STOCK manages its own stock centers', () => {
    expect(stockManagement(stockManager().me, 'O2')).toEqual({ scope: 'partner', canEdit: true });
  });

  it('a partner without it, even an admin, does not', () => {
    expect(stockManagement(me(1, 0, { admin: true }).me, 'O2')).toBeNull();
    expect(stockManagement(me(1, 0).me, 'O2')).toBeNull();
  });

  it('staff with MANAGE_STOCK manage every warehouse; VIEW_ALL only reads', () => {
    expect(stockManagement(staff('MANAGE_STOCK').me, null)).toEqual({ scope: 'staff', canEdit: true });
    expect(stockManagement(staff('VIEW_ALL').me, null)).toEqual({ scope: 'staff', canEdit: false });
    expect(stockManagement(staff('MANAGE_PRICES').me, null)).toBeNull();
  });

  it('a partner member buys from a seller; staff acting for nobody do not', () => {
    expect(buysFromSeller(me(1, 0).me, 'O2')).toBe(true);
    expect(buysFromSeller(staff('VIEW_ALL').me, null)).toBe(false);
  });
});

describe('quantities', () => {
  it('asks to confirm a drop to zero or by half or more', () => {
    expect(isBigDrop('120', '0')).toBe(true);
    expect(isBigDrop('120', '60')).toBe(true);
    expect(isBigDrop('120', '61')).toBe(false);
    expect(isBigDrop('120', '130')).toBe(false);
    expect(isBigDrop('0', '0')).toBe(false);
    expect(isBigDrop(null, '5')).toBe(false);
  });

  it('writes a change with its sign', () => {
    expect(signed('5', '5 шт')).toBe('+5 шт');
    expect(signed('-3', '-3 шт')).toBe('−3 шт');
    expect(signed('0', '0 шт')).toBe('0 шт');
  });

  it('sends a period as the start of its first day and the start of the day after its last', () => {
    const since = dayStart('2026-11-01');
    const until = dayStart('2026-11-30', true);
    expect(new Date(since!).getDate()).toBe(1);
    expect(new Date(until!).getDate()).toBe(1);
    expect(new Date(until!).getMonth()).toBe(11);
    expect(dayStart('')).toBeNull();
    expect(dayStart('30.11.2026')).toBeNull();
  });
});
