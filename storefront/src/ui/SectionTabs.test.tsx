import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SectionTabs } from './SectionTabs';

const tabs = ['a', 'b', 'c', 'd'].map((key) => ({ path: `/s/${key}`, label: `Tab ${key}` }));

describe('SectionTabs', () => {
  it('is a named navigation whose open section is the current page', () => {
    render(
      <MemoryRouter initialEntries={['/s/c']}>
        <SectionTabs label="Sections" tabs={tabs} />
      </MemoryRouter>,
    );
    const strip = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(strip).getAllByRole('link').map((l) => l.textContent)).toEqual(['Tab a', 'Tab b', 'Tab c', 'Tab d']);
    expect(within(strip).getByRole('link', { name: 'Tab c' }).getAttribute('aria-current')).toBe('page');
  });

  it('scrolls a strip wider than the screen so that the open tab is in the middle', () => {
    // jsdom lays nothing out: a 200 px strip of four 100 px tabs, as on a phone.
    const sizes = vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(100);
    const lefts = vi.spyOn(HTMLElement.prototype, 'offsetLeft', 'get').mockImplementation(function (this: HTMLElement) {
      return Array.from(this.parentElement?.children ?? []).indexOf(this) * 100;
    });
    const width = vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(200);
    const scrollWidth = vi.spyOn(Element.prototype, 'scrollWidth', 'get').mockReturnValue(400);
    const scrolled = vi.spyOn(Element.prototype, 'scrollLeft', 'set');
    try {
      render(
        <MemoryRouter initialEntries={['/s/d']}>
          <SectionTabs label="Sections" tabs={tabs} />
        </MemoryRouter>,
      );
      // The last tab starts at 300: 300 - (200 - 100) / 2 puts it in the middle.
      expect(scrolled).toHaveBeenCalledWith(250);
    } finally {
      [sizes, lefts, width, scrollWidth, scrolled].forEach((spy) => spy.mockRestore());
    }
  });

  it('leaves a strip that fits alone', () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollLeft', 'set');
    try {
      render(
        <MemoryRouter initialEntries={['/s/d']}>
          <SectionTabs label="Sections" tabs={tabs} />
        </MemoryRouter>,
      );
      expect(scrolled).not.toHaveBeenCalled();
    } finally {
      scrolled.mockRestore();
    }
  });
});
