// Generates a typescript-fetch client from ../openapi.yaml with
// openapi-generator's DEFAULT settings into build/typescript-fetch (ignored,
// never committed): the proof that the contract serves a client other than
// our own. `npm run typecheck` compiles it and an e2e test drives it against
// real servers. The generator is a Java program (version pinned in
// openapitools.json), so this needs `java`.
//
// A stamp of the contract and the generator version makes a second run
// without changes a no-op, so every step that needs the client may call this.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const contract = resolve(root, '../openapi.yaml');
const output = resolve(root, 'build/typescript-fetch');
const stampFile = join(output, '.contract-stamp');
const cli = resolve(root, 'node_modules/@openapitools/openapi-generator-cli/main.js');

const stamp = createHash('sha256')
  .update(readFileSync(contract))
  .update(readFileSync(resolve(root, 'openapitools.json')))
  .digest('hex');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

rmSync(output, { recursive: true, force: true });
const run = spawnSync(
  process.execPath,
  [
    cli,
    'generate',
    '--generator-name',
    'typescript-fetch',
    '--input-spec',
    contract,
    '--output',
    output,
  ],
  { cwd: root, encoding: 'utf8' },
);
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  console.error('\nopenapi-generator could not generate the typescript-fetch client (see above).');
  process.exit(run.status ?? 1);
}
// Its warnings (renamed models and the like) are worth a look, not every INFO line.
const warnings = (run.stdout + run.stderr)
  .split('\n')
  .filter((line) => /\b(WARN|ERROR)\b/.test(line));
for (const line of new Set(warnings)) console.warn(line);
writeFileSync(stampFile, stamp);
console.log(`generated the typescript-fetch client in ${output}`);
