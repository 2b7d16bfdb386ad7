// `npm test`: jest (unit, integration, e2e) and then the console's browser tests (Playwright), so CI runs both.
// Arguments go to jest; with `--outputFile=<f>` (CI) the browser results are written beside it as <f>.browser.json.
// A run narrowed to some jest files (a path or --testPathPatterns) skips the browser tests.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, cmdArgs, env = process.env) =>
  spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env }).status ?? 1;

const jest = run(bin('jest'), args);
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
