import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { errorCodes, PLATFORM_ADMIN, startAccessHarness, TENANT_FIELDS, type AccessHarness } from './access-fixture';

const REGISTER = `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { ${TENANT_FIELDS} } }`;

describe('tenants', () => {
  let h: AccessHarness;
  let db: DataSource;

  beforeAll(async () => {
    h = await startAccessHarness();
    db = h.app.app.get(DataSource);
  });
  afterAll(() => h.close());

  it('registers a tenant with a secret and exposes only kind and dates of the credential', async () => {
    const secret = `regsecret-${randomUUID()}`;
    const expires = new Date(Date.now() + 90 * 86400_000).toISOString();
    const input = {
      entraTenantId: randomUUID(),
      displayName: 'Fabrikam',
      clientId: randomUUID(),
      clientSecret: secret,
      clientSecretExpiresAt: expires,
    };
    const res = await h.call(PLATFORM_ADMIN, REGISTER, { input });
    expect(res.errors).toBeUndefined();
    const t = res.data!.registerTenant;
    expect(t).toMatchObject({
      entraTenantId: input.entraTenantId,
      displayName: 'Fabrikam',
      status: 'ACTIVE',
      myRole: 'ADMIN',
      credential: { kind: 'SECRET', expiresAt: expires },
    });
    expect(JSON.stringify(res)).not.toContain(secret);
    const [row] = await db.query(`SELECT credential_ciphertext, credential_key_id FROM tenants WHERE id = $1`, [t.id]);
    expect(row.credential_key_id).toBe('dev');
    expect(row.credential_ciphertext).not.toContain(secret);
    expect(Buffer.from(row.credential_ciphertext, 'base64').toString('latin1')).not.toContain(secret);
  });

  it('registers a tenant with a certificate', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const input = {
      entraTenantId: randomUUID(),
      displayName: 'Cert Co',
      clientId: randomUUID(),
      certificate: { pem, thumbprint: 'AB:'.repeat(31) + 'AB' },
    };
    const res = await h.call(PLATFORM_ADMIN, REGISTER, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerTenant.credential).toMatchObject({ kind: 'CERTIFICATE', expiresAt: null });
    expect(JSON.stringify(res)).not.toContain('PRIVATE KEY');
  });

  it('should not register the same Entra tenant twice (CONFLICT)', async () => {
    const entraTenantId = randomUUID();
    await h.registerTenant({ entraTenantId });
    const res = await h.call(PLATFORM_ADMIN, REGISTER, {
      input: {
        entraTenantId: entraTenantId.toUpperCase(),
        displayName: 'Again',
        clientId: randomUUID(),
        clientSecret: 'x',
      },
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
  });

  it.each([
    ['entraTenantId', { entraTenantId: 'not-a-guid' }],
    ['clientId', { clientId: '123' }],
    ['displayName', { displayName: '' }],
    ['displayName', { displayName: 'x'.repeat(257) }],
    [
      'certificate',
      {
        certificate: {
          pem: `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(200)}\n-----END PRIVATE KEY-----`,
          thumbprint: 'a'.repeat(64),
        },
      },
    ],
    ['clientSecret', { clientSecret: undefined }],
    [
      'certificate.thumbprint',
      {
        clientSecret: undefined,
        certificate: {
          pem: `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(200)}\n-----END PRIVATE KEY-----`,
          thumbprint: 'zz',
        },
      },
    ],
    ['clientSecretExpiresAt', { clientSecretExpiresAt: '2001-01-01T00:00:00.000Z' }],
  ])('rejects a bad %s with BAD_USER_INPUT naming the field, writing nothing', async (field, patch) => {
    const entraTenantId = randomUUID();
    const input = { entraTenantId, displayName: 'Valid', clientId: randomUUID(), clientSecret: 'secret', ...patch };
    const res = await h.call(PLATFORM_ADMIN, REGISTER, { input });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe(field);
    const written = await db.query(
      `SELECT (SELECT count(*)::int FROM tenants WHERE entra_tenant_id::text = $1) AS tenants, (SELECT count(*)::int FROM audit_events WHERE metadata->>'entraTenantId' = $1) AS audits`,
      [String(input.entraTenantId).toLowerCase()],
    );
    expect(written[0]).toEqual({ tenants: 0, audits: 0 });
  });

  it('lets only platform admins register tenants', async () => {
    const res = await h.call('someone@msp.test', REGISTER, {
      input: { entraTenantId: randomUUID(), displayName: 'X', clientId: randomUUID(), clientSecret: 'x' },
    });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });

  it('renames, replaces credentials and archives; archived tenants stay readable but cannot change', async () => {
    const t = await h.registerTenant();
    const renamed = await h.call(
      PLATFORM_ADMIN,
      `mutation($id: ID!) { renameTenant(id: $id, displayName: "Renamed Ltd") { displayName } }`,
      { id: t.id },
    );
    expect(renamed.data?.renameTenant.displayName).toBe('Renamed Ltd');

    const [before] = await db.query(`SELECT credential_ciphertext, credential_version FROM tenants WHERE id = $1`, [
      t.id,
    ]);
    const updated = await h.call(
      PLATFORM_ADMIN,
      `mutation($input: UpdateTenantCredentialsInput!) { updateTenantCredentials(input: $input) { credential { kind setAt } } }`,
      {
        input: { tenantId: t.id, clientSecret: 'brand-new-secret' },
      },
    );
    expect(updated.errors).toBeUndefined();
    const [after] = await db.query(`SELECT credential_ciphertext, credential_version FROM tenants WHERE id = $1`, [
      t.id,
    ]);
    expect(after.credential_ciphertext).not.toBe(before.credential_ciphertext);
    expect(after.credential_version).toBe(before.credential_version + 1);

    const archived = await h.call(
      PLATFORM_ADMIN,
      `mutation($id: ID!) { archiveTenant(id: $id) { status archivedAt } }`,
      { id: t.id },
    );
    expect(archived.data?.archiveTenant.status).toBe('ARCHIVED');
    const list = await h.call(PLATFORM_ADMIN, `{ tenants { id } all: tenants(includeArchived: true) { id } }`);
    expect(list.data!.tenants.map((x: { id: string }) => x.id)).not.toContain(t.id);
    expect(list.data!.all.map((x: { id: string }) => x.id)).toContain(t.id);
    const read = await h.call(PLATFORM_ADMIN, `query($id: ID!) { tenant(id: $id) { status } }`, { id: t.id });
    expect(read.data?.tenant.status).toBe('ARCHIVED');
    const change = await h.call(
      PLATFORM_ADMIN,
      `mutation($input: UpdateTenantCredentialsInput!) { updateTenantCredentials(input: $input) { id } }`,
      { input: { tenantId: t.id, clientSecret: 'x' } },
    );
    expect(errorCodes(change)).toEqual(['CONFLICT']);

    const actions = (await db.query(`SELECT action FROM audit_events WHERE tenant_id = $1 ORDER BY seq`, [t.id])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(['tenant.registered', 'tenant.renamed', 'tenant.credentials_changed', 'tenant.archived']);
  });

  it('answers NOT_FOUND for a tenant id that does not exist and BAD_USER_INPUT for a malformed one', async () => {
    expect(
      errorCodes(await h.call(PLATFORM_ADMIN, `query($id: ID!) { tenant(id: $id) { id } }`, { id: randomUUID() })),
    ).toEqual(['NOT_FOUND']);
    const bad = await h.call(PLATFORM_ADMIN, `query($id: ID!) { tenant(id: $id) { id } }`, { id: 'nope' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('id');
  });
});
