import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CredentialCipher, keyRingFromSettings } from '../../../src/infrastructure/crypto';
import { Environment } from '../../../src/infrastructure/config/environment';
import { TenantsFacade } from '../../../src/modules/tenants';
import { RotateCredentialsUseCase } from '../../../src/modules/tenants/application/rotate-credentials.use-case';
import { startAccessHarness, type AccessHarness } from './access-fixture';

describe('credential key rotation (npm run credentials:rotate)', () => {
  const DEV_KEY = new Environment().ENCRYPTION_KEY;
  const NEW_KEY = randomBytes(32).toString('base64');
  let h: AccessHarness;
  beforeAll(async () => {
    h = await startAccessHarness({
      ENCRYPTION_KEY: NEW_KEY,
      ENCRYPTION_KEY_ID: 'k2026',
      ENCRYPTION_PREVIOUS_KEYS: `dev:${DEV_KEY}`,
    });
  });
  afterAll(() => h.close());

  it('re-encrypts credentials sealed with a previous key to the current key, keeping them usable and audited', async () => {
    const db = h.app.app.get(DataSource);
    const t = await h.registerTenant({ clientSecret: 'rotate-me' });
    const [fresh] = await db.query(`SELECT credential_key_id FROM tenants WHERE id = $1`, [t.id]);
    expect(fresh.credential_key_id).toBe('k2026');

    // As if sealed before the key change: the old key, same plaintext shape.
    const old = new CredentialCipher(keyRingFromSettings({ ENCRYPTION_KEY: DEV_KEY, ENCRYPTION_KEY_ID: 'dev' })).seal(
      JSON.stringify({ kind: 'secret', secret: 'rotate-me' }),
      t.id,
    );
    await db.query(`UPDATE tenants SET credential_key_id = $2, credential_ciphertext = $3 WHERE id = $1`, [
      t.id,
      old.keyId,
      old.ciphertext,
    ]);

    const result = await h.app.app.get(RotateCredentialsUseCase).execute([t.id]); // scoped: other test files share the database
    expect(result).toEqual({ rotated: 1, alreadyCurrent: 0 });
    const [after] = await db.query(`SELECT credential_key_id, credential_ciphertext FROM tenants WHERE id = $1`, [
      t.id,
    ]);
    expect(after.credential_key_id).toBe('k2026');
    expect(after.credential_ciphertext).not.toBe(old.ciphertext);
    const connection = await h.app.app.get(TenantsFacade).connectionFor(t.id);
    expect(connection?.credential).toEqual({ kind: 'secret', secret: 'rotate-me' });
    const audits = await db.query(
      `SELECT metadata FROM audit_events WHERE tenant_id = $1 AND action = 'tenant.credentials_rotated'`,
      [t.id],
    );
    expect(audits).toEqual([{ metadata: { fromKeyId: 'dev', toKeyId: 'k2026' } }]);
    expect((await h.app.app.get(RotateCredentialsUseCase).execute([t.id])).rotated).toBe(0); // idempotent
  });
});
