import { describe, expect, it } from 'vitest';
import { formatUnitSymbol } from '../../i18n/format';
import { attributeLabel } from './AttributeFilters';

describe('attributeLabel', () => {
  it('says the unit in the interface language', () => {
    const volume = { name: 'Объём', unit: 'л' };
    expect(attributeLabel(volume, (unit) => formatUnitSymbol('ru', unit))).toBe('Объём, л');
    expect(attributeLabel(volume, (unit) => formatUnitSymbol('en', unit))).toBe('Объём, l');
  });

  it('leaves an attribute without a unit as it is', () => {
    expect(attributeLabel({ name: 'Цвет', unit: '' }, (unit) => formatUnitSymbol('en', unit))).toBe('Цвет');
  });
});
