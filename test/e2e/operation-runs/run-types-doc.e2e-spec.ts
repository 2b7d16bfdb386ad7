import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OperationRunsFacade, type RunTypeInfo } from '../../../src/modules/operation-runs';
import { startTestApp, type RunningTestApp } from '../../support/test-app';

const duration = (ms: number) =>
  ms >= 120_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
const row = (t: RunTypeInfo) =>
  `| \`${t.type}\` | ${t.title} | ${t.lock ?? '—'} | ${duration(t.timeoutMs)} | ${duration(t.heartbeatTimeoutMs)} | ${t.maxAttempts} |`;

/** The README documents every run type's limits (one heartbeat mechanism, per-type scale): the table cannot drift. */
describe('README › Run types', () => {
  let app: RunningTestApp;
  beforeAll(async () => {
    // The documented figures are at the defaults.
    app = await startTestApp({ RUN_HEARTBEAT_TIMEOUT_MS: 30_000 });
  });
  afterAll(() => app.close());

  it('lists every registered run type with its lock, time limit, heartbeat timeout and attempts', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const section = readme.split('\n## Run types\n')[1]?.split('\n## ')[0] ?? '';
    const documented = section.split('\n').filter((line) => /^\| `[a-z.-]+` \|/.test(line));
    const expected = app.app.get(OperationRunsFacade).runTypes().map(row);
    expect(documented).toEqual(expected);
  });
});
