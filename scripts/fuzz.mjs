// `npm run test:fuzz`: every property test (each test file that uses test/helpers/seed.ts) at 25×
// its runs, each property with a random seed that a failure names (replay it with POOL_GUIDE_SEED).
// POOL_GUIDE_FUZZ_RUNS chooses another factor. Run after `npm run pretest` (the script does).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const sources = readdirSync(path.join(root, 'test'), { recursive: true })
  .filter((file) => file.endsWith('.test.ts'))
  .filter((file) => /from '(\.\.\/)+helpers\/seed'/.test(readFileSync(path.join(root, 'test', file), 'utf8')))
  .sort();
if (sources.length === 0) throw new Error('no test file uses test/helpers/seed.ts');
const compiled = sources.map((file) => path.join(root, 'out', 'test', file.replace(/\.ts$/, '.js')));
console.log(`Fuzzing ${sources.length} test files: ${sources.join(', ')}`);
const env = { ...process.env, POOL_GUIDE_FUZZ_RUNS: process.env.POOL_GUIDE_FUZZ_RUNS ?? '25' };
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...compiled], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
