// Generates the typed API schema from ../openapi.yaml, the only way
// src/api/generated/schema.d.ts may change. With --check it generates into a
// temporary file instead and fails when the committed file differs, so a
// contract change cannot slip past an out-of-date client.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const contract = resolve(root, '../openapi.yaml');
const committed = resolve(root, 'src/api/generated/schema.d.ts');
const cli = resolve(root, 'node_modules/openapi-typescript/bin/cli.js');

function generate(output) {
  const run = spawnSync(process.execPath, [cli, contract, '--output', output], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(run.status ?? 1);
  }
}

if (!process.argv.includes('--check')) {
  generate(committed);
  process.exit(0);
}

const scratch = mkdtempSync(join(tmpdir(), 'live-sync-schema-'));
try {
  const fresh = join(scratch, 'schema.d.ts');
  generate(fresh);
  let current = '';
  try {
    current = readFileSync(committed, 'utf8');
  } catch {
    // a missing file is simply out of date
  }
  if (current !== readFileSync(fresh, 'utf8')) {
    console.error(
      'src/api/generated/schema.d.ts is out of date with ../openapi.yaml.\n' +
        'Run `npm run generate` and commit the result.',
    );
    process.exit(1);
  }
  console.log('src/api/generated/schema.d.ts matches ../openapi.yaml');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
