import { randomUUID } from 'node:crypto';
import { gql } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';
import { OperationRunsFacade } from '../../../src/modules/operation-runs';

describe('process roles', () => {
  let issuer: TestIssuer;
  const tid = randomUUID();

  beforeAll(async () => {
    issuer = await TestIssuer.start();
  });
  afterAll(() => issuer.close());

  async function withApp(role: string, fn: (app: RunningTestApp) => Promise<void>) {
    const app = await startTestApp({ APP_ROLE: role, AUTH_JWKS_URL: issuer.jwksUrl });
    try {
      await fn(app);
    } finally {
      await app.close();
    }
  }

  it.each(['api', 'all'])('the %s role answers `me` for a valid token', async (role) => {
    await withApp(role, async ({ url }) => {
      const oid = randomUUID();
      const token = await issuer.userToken({ tid, oid, upn: 'Alice@Contoso.test', name: 'Alice' });
      const response = await gql(url, '{ me { id oid tid upn name } }', {}, token);
      expect(response.errors).toBeUndefined();
      expect(response.data?.me).toEqual({ id: `${tid}:${oid}`, oid, tid, upn: 'alice@contoso.test', name: 'Alice' });
    });
  });

  it('the worker role serves no GraphQL but answers health', async () => {
    await withApp('worker', async ({ url }) => {
      const token = await issuer.userToken({ tid });
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { oid } }' }),
      });
      expect(response.status).toBe(404);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    });
  });

  it('the api role runs no workers: a run started there stays queued until a worker role takes it', async () => {
    await withApp('api', async ({ app }) => {
      const { run } = await app.get(OperationRunsFacade).start('system.noop', { context: {} });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await app.get(OperationRunsFacade).get(run.id))?.status).toBe('queued');
      await withApp('worker', async () => {
        const deadline = Date.now() + 30_000;
        let status = 'queued';
        while (status !== 'completed' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          status = (await app.get(OperationRunsFacade).get(run.id))?.status ?? 'missing';
        }
        expect(status).toBe('completed');
      });
    });
  });
});
