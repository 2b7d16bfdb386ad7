import type { GraphQLSchema } from 'graphql';
import { BackupsFacade } from '../../../src/modules/backups';
import { collect, wsClient, type GraphqlResponse } from '../../support/graphql-client';
import { PLATFORM_ADMIN, startAccessHarness, waitForRun, type AccessHarness } from '../tenants/access-fixture';
import {
  documentFor,
  loadSchema,
  missingTwin,
  OPERATION_ARGS,
  rootOperations,
  type RootOperation,
  type TargetIds,
} from './operation-catalog';

const ROLES = ['viewer', 'operator', 'admin', 'none'] as const;
type Role = (typeof ROLES)[number];
const ALLOWED_CODES = new Set(['NOT_FOUND', 'FORBIDDEN']);

/**
 * Tenant isolation as a property of the whole API: every root operation in the schema (enumerated by introspection,
 * so new operations join automatically), called by each role on tenant A against tenant B's ids, answers exactly as
 * it does for ids that do not exist, and says nothing about B.
 */
describe('tenant isolation matrix', () => {
  let h: AccessHarness;
  let schema: GraphQLSchema;
  let bravo: TargetIds;
  let bravoMarkers: string[];

  beforeAll(async () => {
    h = await startAccessHarness();
    const alpha = await h.registerTenant({ displayName: 'Alpha Corp' });
    const b = await h.registerTenant({ displayName: 'Bravo Confidential Holdings' });
    for (const role of ['viewer', 'operator', 'admin'] as const)
      await h.grant(alpha.id, `${role}@alpha.test`, role.toUpperCase() as 'VIEWER');
    await h.grant(b.id, 'bravo.admin@bravo.test', 'ADMIN');
    const started = await h.call(PLATFORM_ADMIN, `mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`, {
      t: b.id,
    });
    const runId = started.data!.verifyTenant.id;
    await waitForRun(h, runId);
    const notes = await h.call(PLATFORM_ADMIN, `{ myNotifications { edges { node { id } } } }`);
    const bRow = await h.call(PLATFORM_ADMIN, `query($id: ID!) { tenant(id: $id) { clientId } }`, { id: b.id });
    // A real backup of B (through the module's single writer: this harness has no Graph), so its ids are attacked too.
    const backups = h.app.app.get(BackupsFacade);
    const backupSourceId = '7b1d0c5e-0000-4000-8000-00000000b0b0';
    const recorded = await backups.recordBackup(
      { tenantId: b.id, source: 'import' },
      (async function* () {
        yield {
          typeKey: 'settingsCatalogPolicy',
          sourceId: backupSourceId,
          displayName: 'Bravo Confidential Policy',
          odataType: '#microsoft.graph.deviceManagementConfigurationPolicy',
          payload: { id: backupSourceId, name: 'Bravo Confidential Policy', settings: [] },
          assignments: [],
        };
      })(),
    );
    let backupItemId = '';
    for await (const item of backups.itemsOf(recorded.id)) backupItemId = item.id;
    bravo = {
      tenantId: b.id,
      entraTenantId: b.entraTenantId,
      runId,
      memberUpn: 'bravo.admin@bravo.test',
      notificationId: notes.data?.myNotifications?.edges?.[0]?.node?.id ?? missingTwin().notificationId,
      backupId: recorded.id,
      backupItemId,
      backupSourceId,
    };
    bravoMarkers = ['Bravo Confidential', b.entraTenantId, bRow.data!.tenant.clientId, 'bravo.admin'];
    schema = await loadSchema(h.app.url, await h.token(PLATFORM_ADMIN));
  });
  afterAll(() => h.close());

  const userOf = (role: Role) => (role === 'none' ? 'outsider@alpha.test' : `${role}@alpha.test`);

  async function call(op: RootOperation, role: Role, variables: Record<string, unknown>): Promise<unknown> {
    const document = documentFor(op, variables);
    if (op.kind !== 'subscription') {
      const res: GraphqlResponse = await h.call(userOf(role), document, variables);
      return {
        data: res.data ?? null,
        errors: (res.errors ?? []).map((e) => ({
          code: e.extensions?.code,
          reason: e.extensions?.reason,
          message: e.message,
        })),
      };
    }
    const client = wsClient(h.app.url, await h.token(userOf(role)));
    try {
      const events = await collect(client, document, variables, 1, 1200).done;
      return { events };
    } catch (error) {
      const errors =
        (error as { errors?: Array<{ message: string; extensions?: { code?: string } }> }).errors ??
        (Array.isArray(error) ? error : []);
      if (!errors.length && /timed out/.test(String((error as Error).message))) return { events: [] };
      // Subscribe-time errors over graphql-ws arrive without extensions.code; the message is the same NOT_FOUND text.
      return {
        errors: errors.map((e) => ({
          code: e.extensions?.code ?? (/ not found$/.test(e.message) ? 'NOT_FOUND' : undefined),
          message: e.message,
        })),
      };
    } finally {
      await client.dispose();
    }
  }

  function normalize(value: unknown, ids: TargetIds): string {
    let text = JSON.stringify(value);
    for (const [key, id] of Object.entries(ids)) text = text.split(id).join(`<${key}>`);
    return text;
  }

  it('every operation × role answers for the other tenant exactly as for a tenant that does not exist', async () => {
    const operations = rootOperations(schema);
    const unlisted = operations.filter((op) => !OPERATION_ARGS[op.name]).map((op) => `${op.kind} ${op.name}`);
    expect(unlisted).toEqual([]); // add an entry to OPERATION_ARGS for each new operation

    const failures: string[] = [];
    let cells = 0;
    for (const op of operations) {
      for (const role of ROLES) {
        cells += 1;
        const twin = missingTwin();
        const against = await call(op, role, OPERATION_ARGS[op.name](bravo));
        const missing = await call(op, role, OPERATION_ARGS[op.name](twin));
        const label = `${op.kind} ${op.name} as ${role}`;
        const codes = ((against as { errors?: Array<{ code: string }> }).errors ?? []).map((e) => e.code);
        const bad = codes.filter((c) => !ALLOWED_CODES.has(c));
        if (bad.length)
          failures.push(`${label}: unexpected ${bad.join(',')}: ${JSON.stringify(against).slice(0, 300)}`);
        if (normalize(against, bravo) !== normalize(missing, twin))
          failures.push(
            `${label}: differs from a missing tenant:\n  B: ${normalize(against, bravo).slice(0, 300)}\n  ∅: ${normalize(missing, twin).slice(0, 300)}`,
          );
        const leaked = bravoMarkers.filter((m) => JSON.stringify(against).includes(m));
        if (leaked.length) failures.push(`${label}: leaks ${leaked.join(', ')}`);
      }
    }
    console.log(
      `isolation matrix: ${operations.length} operations × ${ROLES.length} roles = ${cells} cells (each also called against a missing tenant)`,
    );
    expect(failures).toEqual([]);
  });

  it('left tenant B untouched', async () => {
    const res = await h.call(
      'bravo.admin@bravo.test',
      `query($t: ID!) { tenant(id: $t) { displayName status } tenantMembers(tenantId: $t) { userUpn role } }`,
      { t: bravo.tenantId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.tenant).toEqual({ displayName: 'Bravo Confidential Holdings', status: 'ACTIVE' });
    expect(res.data!.tenantMembers).toEqual([{ userUpn: 'bravo.admin@bravo.test', role: 'ADMIN' }]);
  });
});
