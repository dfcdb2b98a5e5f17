import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// `findBy…`/`waitFor` wait for a state, not for a time: on a loaded 2-core machine a lazy
// route or a mocked answer can take longer than the library's 1 s default to render, which
// made tests fail now and then. Waiting longer changes nothing for a test that passes.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});
