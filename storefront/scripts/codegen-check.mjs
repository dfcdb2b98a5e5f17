// Regenerates the GraphQL types into a temporary folder and compares them with the committed
// src/gql. Fails (exit 1) when they differ: the schema or a document changed and
// `npm run codegen` was not run, or a schema change broke a document (codegen itself fails).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'src/gql';
const fresh = mkdtempSync(join(tmpdir(), 'storefront-gql-'));

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1))
    .sort();
}

try {
  try {
    execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts'], {
      env: { ...process.env, CODEGEN_OUT: `${fresh}/` },
      stdio: 'inherit',
    });
  } catch {
    console.error('codegen:check: the GraphQL documents in src/ do not fit ../schema.graphql (see above).');
    process.exit(1);
  }
  const expected = listFiles(fresh);
  const actual = listFiles(committed);
  const problems = [];
  for (const name of new Set([...expected, ...actual])) {
    if (!expected.includes(name)) problems.push(`${committed}/${name}: not generated any more`);
    else if (!actual.includes(name)) problems.push(`${committed}/${name}: missing`);
    else if (readFileSync(join(fresh, name), 'utf8') !== readFileSync(join(committed, name), 'utf8'))
      problems.push(`${committed}/${name}: differs from the schema and documents`);
  }
  if (problems.length) {
    console.error(`GraphQL types are out of date:\n  ${problems.join('\n  ')}`);
    console.error('Run `npm run codegen` in storefront/ and commit src/gql.');
    process.exit(1);
  }
  console.log(`codegen:check: ${actual.length} generated files match ../schema.graphql`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
