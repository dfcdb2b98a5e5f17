// The JavaScript a first screen downloads, gzipped: the entry with everything it imports
// statically, plus the route chunk that screen loads at once (and its static imports).
// Fails (exit 1) when a first screen is over the budget. Reads dist/.vite/manifest.json,
// so run `npm run build` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.SIZE_BUDGET_KB ?? 300);
const dist = 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) {
  console.error('size: no entry in the Vite manifest');
  process.exit(1);
}

/** Files of `keys` and of everything they import statically. */
function closure(keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`size: ${key} is not in the manifest`);
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...files].filter((file) => file.endsWith('.js'));
}

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

const screens = [
  { name: 'catalog (signed in)', route: 'src/features/catalog/CatalogPage.tsx' },
  { name: 'product page (signed in)', route: 'src/features/catalog/ProductPage.tsx' },
  { name: 'sign-in (signed out)', route: 'src/features/auth/SignInPage.tsx' },
];

let failed = false;
const entryFiles = closure([entryKey]);
const entryBytes = entryFiles.reduce((sum, file) => sum + gzipped(file), 0);
console.log(`entry and its static imports: ${kb(entryBytes)} KB gzipped (${entryFiles.length} files)`);
for (const screen of screens) {
  const files = closure([entryKey, screen.route]);
  const bytes = files.reduce((sum, file) => sum + gzipped(file), 0);
  const over = bytes > BUDGET_KB * 1024;
  failed ||= over;
  console.log(
    `first screen, ${screen.name}: ${kb(bytes)} KB gzipped JavaScript in ${files.length} files ` +
      `(budget ${BUDGET_KB} KB)${over ? ' — OVER BUDGET' : ''}`,
  );
}
const css = Object.values(manifest)
  .flatMap((chunk) => chunk.css ?? [])
  .filter((file, index, all) => all.indexOf(file) === index);
console.log(`all CSS: ${kb(css.reduce((sum, file) => sum + gzipped(file), 0))} KB gzipped`);
if (failed) {
  console.error(`size: a first screen is over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
