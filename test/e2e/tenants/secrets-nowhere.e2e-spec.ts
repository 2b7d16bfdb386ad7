import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { Client } from 'pg';
import { startGraphSimulator, type GraphSimulator } from '../../../src/graph-simulator';
import {
  documentFor,
  loadSchema,
  OPERATION_ARGS,
  rootOperations,
  type TargetIds,
} from '../isolation/operation-catalog';
import { gql } from '../../support/graphql-client';
import { spawnApp } from '../../support/spawn-app';
import { testEnvironment } from '../../support/test-env';
import { TestIssuer } from '../../support/test-issuer';
import { MSP_TID, oidFor, PLATFORM_ADMIN } from './access-fixture';
import { freePort } from '../../support/free-port';

const MARK = `TASECRET${randomBytes(6).toString('hex')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Register with recognisable secrets and a private key, verify (succeeding and failing), query everything, then
 * search the app's logs (debug level, real child process), every database table and every Redis key for them.
 */
describe('secrets appear nowhere', () => {
  let sim: GraphSimulator;
  let issuer: TestIssuer;
  let child: ChildProcess;
  let url: string;
  let logs = '';
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const pemBody = pem.split('\n')[5]; // a line from the middle of the key

  beforeAll(async () => {
    sim = await startGraphSimulator({ tenants: [{ displayName: 'Unused' }] });
    issuer = await TestIssuer.start();
    const port = await freePort();
    const env = testEnvironment({
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-secrets`,
      PORT: port,
      LOG_LEVEL: 'debug',
      AUTH_JWKS_URL: issuer.jwksUrl,
      ADMIN_UPNS: PLATFORM_ADMIN,
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN_ENDPOINT_BASE_URL: sim.url,
      GRAPH_MAX_ATTEMPTS: 1,
    });
    child = spawnApp(
      Object.fromEntries(
        Object.entries(env)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ),
    );
    child.stdout!.on('data', (chunk) => (logs += chunk));
    child.stderr!.on('data', (chunk) => (logs += chunk));
    url = `http://127.0.0.1:${port}`;
    for (let i = 0; !logs.includes('is up'); i++) {
      if (i > 300 || child.exitCode !== null) throw new Error(`app did not start: ${logs.slice(-2000)}`);
      await sleep(100);
    }
  }, 60000);
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await sim.close();
    await issuer.close();
  });

  const admin = () => issuer.userToken({ tid: MSP_TID, oid: oidFor(PLATFORM_ADMIN), upn: PLATFORM_ADMIN });

  async function register(input: Record<string, unknown>): Promise<string> {
    const res = await gql(
      url,
      `mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`,
      { i: input },
      await admin(),
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.registerTenant.id;
  }

  async function verifyAndWait(tenantId: string): Promise<string> {
    const started = await gql(
      url,
      `mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`,
      { t: tenantId },
      await admin(),
    );
    const runId = started.data!.verifyTenant.id;
    for (let i = 0; i < 200; i++) {
      const res = await gql(url, `query($id: ID!) { operationRun(id: $id) { status } }`, { id: runId }, await admin());
      if (res.data?.operationRun?.status === 'COMPLETED') return runId;
      await sleep(150);
    }
    throw new Error(`run ${runId} did not complete`);
  }

  it('not in API responses, logs, run failures, audit rows, notifications, any table or Redis', async () => {
    const full = sim.addTenant({ apps: [{ clientSecret: `${MARK}-full` }] });
    const none = sim.addTenant({ apps: [{ clientSecret: `${MARK}-none`, roles: [] }] });
    const expired = sim.addTenant({ apps: [{ clientSecret: `${MARK}-exp`, secretExpiresAt: '2020-01-01T00:00:00Z' }] });
    const wrong = sim.addTenant({ apps: [{}] });
    const tenants = [
      await register({
        entraTenantId: full.tenantId,
        displayName: 'Full',
        clientId: full.apps[0].clientId,
        clientSecret: `${MARK}-full`,
      }),
      await register({
        entraTenantId: none.tenantId,
        displayName: 'None',
        clientId: none.apps[0].clientId,
        clientSecret: `${MARK}-none`,
      }),
      await register({
        entraTenantId: expired.tenantId,
        displayName: 'Expired',
        clientId: expired.apps[0].clientId,
        clientSecret: `${MARK}-exp`,
      }),
      await register({
        entraTenantId: wrong.tenantId,
        displayName: 'Wrong',
        clientId: wrong.apps[0].clientId,
        clientSecret: `${MARK}-wrong`,
      }),
      await register({
        entraTenantId: sim.addTenant({}).tenantId,
        displayName: 'Cert',
        clientId: '6b1c3f0e-8d7a-4e59-9a34-1f2e3d4c5b6a',
        certificate: { pem, thumbprint: 'ab'.repeat(32) },
      }),
    ];
    const runs: string[] = [];
    for (const id of tenants) runs.push(await verifyAndWait(id));
    const rotated = await gql(
      url,
      `mutation($i: UpdateTenantCredentialsInput!) { updateTenantCredentials(input: $i) { id } }`,
      { i: { tenantId: tenants[0], clientSecret: `${MARK}-rotated` } },
      await admin(),
    );
    expect(rotated.errors).toBeUndefined();
    runs.push(await verifyAndWait(tenants[0]));

    // Every query in the schema, for every tenant, as a platform admin (who sees everything).
    const token = await admin();
    const schema = await loadSchema(url, token);
    const responses: string[] = [];
    for (const op of rootOperations(schema).filter((o) => o.kind === 'query')) {
      for (const [i, tenantId] of tenants.entries()) {
        const ids: TargetIds = {
          tenantId,
          entraTenantId: tenantId,
          runId: runs[i],
          memberUpn: PLATFORM_ADMIN,
          notificationId: runs[i],
          backupId: runs[i],
          backupItemId: runs[i],
          backupSourceId: runs[i],
        };
        const variables = OPERATION_ARGS[op.name]?.(ids) ?? {};
        responses.push(JSON.stringify(await gql(url, documentFor(op, variables), variables, token)));
      }
    }
    expect(responses.join('\n')).toContain('consent_missing'); // the failures really are in what we searched
    expect(responses.join('\n')).toContain('expired_secret');

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const dump: string[] = [];
    try {
      const tables = await db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      for (const { table_name } of tables.rows)
        dump.push(...(await db.query(`SELECT row_to_json(t)::text AS j FROM "${table_name}" t`)).rows.map((r) => r.j));
      const sealed = await db.query(`SELECT credential_ciphertext FROM tenants WHERE id = ANY($1)`, [tenants]);
      for (const { credential_ciphertext } of sealed.rows) {
        expect(Buffer.from(credential_ciphertext, 'base64').toString('latin1')).not.toContain(MARK);
        expect(credential_ciphertext).toMatch(/^[A-Za-z0-9+/]+=*$/);
      }
    } finally {
      await db.end();
    }

    const redis = new Redis(process.env.REDIS_URL!);
    const redisDump: string[] = [];
    try {
      for (const key of await redis.keys(`${process.env.REDIS_PREFIX}*`)) {
        const type = await redis.type(key);
        if (type === 'string') redisDump.push(String(await redis.get(key)));
        else if (type === 'hash') redisDump.push(JSON.stringify(await redis.hgetall(key)));
        else if (type === 'list') redisDump.push(JSON.stringify(await redis.lrange(key, 0, -1)));
        else if (type === 'zset') redisDump.push(JSON.stringify(await redis.zrange(key, 0, -1)));
        else if (type === 'stream') redisDump.push(JSON.stringify(await redis.xrange(key, '-', '+')));
      }
    } finally {
      redis.disconnect();
    }

    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    expect(logs).toMatch(/"level":20/); // debug lines really were written

    const haystacks = { responses: responses.join('\n'), database: dump.join('\n'), redis: redisDump.join('\n'), logs };
    for (const [where, text] of Object.entries(haystacks)) {
      expect({ where, leaked: text.includes(MARK) }).toEqual({ where, leaked: false });
      expect({ where, leakedKey: text.includes(pemBody) || text.includes('PRIVATE KEY-----\nMI') }).toEqual({
        where,
        leakedKey: false,
      });
    }
  }, 120000);
});
