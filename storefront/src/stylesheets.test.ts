import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every stylesheet of the app, as written (read from disk: Vitest hands a test no CSS). Vite
// bundles them one after another into a few files, so a block left open in one swallows the
// files after it (prices.css once left a `@media (max-width: 900px)` open: on a desktop the
// whole app lost its base styles).
const root = join(process.cwd(), 'src');
const sheets: Record<string, string> = Object.fromEntries(
  (readdirSync(root, { recursive: true }) as string[])
    .filter((path) => path.endsWith('.css'))
    .map((path) => [relative(root, join(root, path)), readFileSync(join(root, path), 'utf8')]),
);

/** Where the braces of `css` first go wrong (a `}` too many, or blocks left open), or null. */
function unbalanced(css: string): string | null {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  let depth = 0;
  for (const [index, char] of [...code].entries()) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (depth < 0) return `a "}" without its "{" at character ${index}`;
  }
  return depth === 0 ? null : `${depth} block(s) left open at the end`;
}

describe('the stylesheets', () => {
  it('are found', () => {
    expect(Object.keys(sheets).length).toBeGreaterThan(10);
  });

  it.each(Object.keys(sheets))('%s closes every block it opens', (path) => {
    expect(unbalanced(sheets[path] ?? '')).toBeNull();
  });
});
