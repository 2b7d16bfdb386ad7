// `npm test`: jest (unit, integration, e2e) and then the console's browser tests (Playwright), so CI runs both.
// Arguments go to jest; with `--outputFile=<f>` (CI) the browser results are written beside it as <f>.browser.json.
// A run narrowed to some jest files (a path or --testPathPatterns) skips the browser tests.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, cmdArgs, env = process.env) =>
  spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env }).status ?? 1;

// jest writes its results to a file (CI's --outputFile, else a temporary one) so the tiers can be counted below.
let jsonFile = args.find((a) => a.startsWith('--outputFile='))?.slice('--outputFile='.length);
const jestArgs = jsonFile
  ? args
  : [...args, '--json', `--outputFile=${(jsonFile = join(tmpdir(), `jest-${process.pid}.json`))}`];
const jest = run(bin('jest'), jestArgs);
reportTiers(jsonFile);
const narrowed = args.some(
  (a) => !a.startsWith('-') || a.startsWith('--testPathPattern') || a === '-t' || a.startsWith('--testNamePattern'),
);
let browser = 0;
if (!narrowed && process.env.SKIP_BROWSER_TESTS !== '1') {
  const outputFile = args.find((a) => a.startsWith('--outputFile='))?.slice('--outputFile='.length);
  const env = outputFile ? { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${outputFile}.browser.json` } : process.env;
  browser = run(bin('playwright'), ['test', '--config', join(root, 'test', 'browser', 'playwright.config.ts')], env);
}
process.exit(jest || browser);

/** One line per tier (unit, integration, e2e, reliability): passed / failed / skipped tests. */
function reportTiers(file) {
  let results;
  try {
    results = JSON.parse(readFileSync(file, 'utf8')).testResults ?? [];
  } catch {
    return;
  }
  const tiers = {
    unit: '.spec.ts',
    integration: '.int-spec.ts',
    e2e: '.e2e-spec.ts',
    reliability: '.reliability-spec.ts',
  };
  const counts = Object.fromEntries(Object.keys(tiers).map((tier) => [tier, { passed: 0, failed: 0, skipped: 0 }]));
  for (const suite of results) {
    const tier =
      Object.entries(tiers).find(([name, suffix]) => name !== 'unit' && suite.name.endsWith(suffix))?.[0] ?? 'unit';
    for (const test of suite.assertionResults ?? []) {
      const key = test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped';
      counts[tier][key] += 1;
    }
  }
  for (const [tier, c] of Object.entries(counts))
    if (c.passed + c.failed + c.skipped > 0)
      console.log(`jest ${tier}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
}
