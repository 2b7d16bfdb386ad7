import type { ChildProcess } from 'node:child_process';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { completed, FAST_RUN_SETTINGS, killHard, ownPrefix, runs, spawnWorker, waitForRun } from './run-test-kit';

describe('a worker process stopped with SIGTERM', () => {
  const prefix = ownPrefix('sigterm');
  let api: RunningTestApp;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    api = await startTestApp({ ...FAST_RUN_SETTINGS, APP_ROLE: 'api', REDIS_PREFIX: prefix });
  });
  afterAll(async () => {
    if (child && child.exitCode === null) await killHard(child);
    await api.close();
  });

  it('finishes its active run before it exits', async () => {
    child = await spawnWorker(prefix);
    const { run } = await runs(api.app).start('system.noop', { context: { sleepMs: 1500, progressSteps: 15 } });
    await waitForRun(api.app, run.id, (r) => r.status === 'running', 'the child worker to start it');
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child!.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM');
    // Nest runs the shutdown hooks, then re-raises the signal so the exit status says why the process ended.
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    // Nothing else processes this prefix: whatever state the run is in now, the stopped worker left it there.
    const after = await runs(api.app).get(run.id);
    expect(after && completed(after)).toBe(true);
    expect(after!.outcome).toBe('succeeded');
    expect(after!.attempt).toBe(1);
  });
});
