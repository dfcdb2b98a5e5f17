import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';

/** The frame of the signed-out pages (sign-in, password reset): language, brand, title. */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="signin">
      <div className="signin__lang">
        <LanguageSwitcher />
      </div>
      <main className="signin__card" id="main">
        <div className="signin__brand" aria-hidden>
          <span className="brand-mark">B2B</span>
        </div>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
