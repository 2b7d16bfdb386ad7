/** A simulator started with a key file signs with the same key after a restart: printed tokens stay valid. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { DEMO_TENANT, startGraphSimulator } from './index';
import { DEFAULT_SIM_KEY_FILE, parseArgs } from './main';

describe('simulator signing key file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the signing key across a restart, so a token issued before it still verifies after it', async () => {
    const keyFile = join(dir, 'nested', 'signing-key.json');
    const first = await startGraphSimulator({ keyFile });
    const token = await first.issueUserToken(DEMO_TENANT.tenantId, DEMO_TENANT.upn, { expiresInSec: 3600 });
    await first.close();
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const second = await startGraphSimulator({ keyFile });
    try {
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(second.jwksUrl(DEMO_TENANT.tenantId))));
      expect(payload.oid).toBe(DEMO_TENANT.oid);
    } finally {
      await second.close();
    }
  });

  it('uses a new key per start without a key file', async () => {
    const first = await startGraphSimulator();
    const token = await first.issueUserToken(DEMO_TENANT.tenantId, DEMO_TENANT.upn);
    await first.close();
    const second = await startGraphSimulator();
    try {
      await expect(jwtVerify(token, createRemoteJWKSet(new URL(second.jwksUrl())))).rejects.toThrow();
    } finally {
      await second.close();
    }
  });

  it('defaults the standalone simulator to a key file (GRAPH_SIM_KEY_FILE, --key-file, --ephemeral-key)', () => {
    expect(parseArgs([], {}).keyFile).toBe(DEFAULT_SIM_KEY_FILE);
    expect(parseArgs([], { GRAPH_SIM_KEY_FILE: '/x/key.json' }).keyFile).toBe('/x/key.json');
    expect(parseArgs(['--key-file', '/y.json'], {}).keyFile).toBe('/y.json');
    expect(parseArgs(['--ephemeral-key'], {}).keyFile).toBeUndefined();
  });
});
