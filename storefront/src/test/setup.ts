import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// `findBy…`/`waitFor` wait for a state, not for a time: on a loaded 2-core machine a lazy
// route or a mocked answer can take longer than the library's 1 s default to render, which
// made tests fail now and then (5 s was still short with Vitest on both cores while other
// suites loaded them). Waiting longer changes nothing for a test that passes; the test's
// own limit (testTimeout in vite.config.ts) is above it.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});
