import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import './SectionTabs.css';

export interface SectionTab {
  path: string;
  label: string;
}

/**
 * Links between the sections of one screen (an organization's, the prices'). On a phone
 * they stay one row that scrolls sideways, and the open section is scrolled into view, so
 * the tab you are on is never off the edge.
 */
export function SectionTabs({ label, tabs }: { label: string; tabs: ReadonlyArray<SectionTab> }) {
  const strip = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const nav = strip.current;
    const active = nav?.querySelector<HTMLElement>('a.active');
    if (!nav || !active || nav.scrollWidth <= nav.clientWidth) return;
    nav.scrollLeft = active.offsetLeft - (nav.clientWidth - active.offsetWidth) / 2;
  }, [pathname]);
  return (
    <nav ref={strip} className="section-tabs" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.path} to={tab.path} className="section-tabs__link">
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
