import { RUN_FAILURE_CODES } from '../../../src/infrastructure/runs';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const SYNC = `mutation($t: ID!) { startInventorySync(tenantId: $t) { id } }`;
const GROUPS = `mutation($t: ID!) { startDirectoryGroupsSync(tenantId: $t) { id } }`;
const VERIFY = `mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`;
/** What leaked before: an internal class name as a prefix ("GraphAuthError: Token acquisition failed…"). */
const CLASS_PREFIX = /\b[A-Z][A-Za-z]*Error: /;

/** Issue 14 item 15: one catalogue of run failure codes, plain messages, and no sync started on a broken tenant. */
describe('run failure codes', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario({ env: { GRAPH_MAX_ATTEMPTS: 1 } });
  });
  afterAll(() => scenario.close());

  async function tenantWithWrongSecret(): Promise<string> {
    const sim = scenario.sim.addTenant({ displayName: 'Wrong secret' });
    const registered = await scenario.call(
      `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
      {
        input: {
          entraTenantId: sim.tenantId,
          displayName: 'Wrong secret',
          clientId: sim.apps[0].clientId,
          clientSecret: 'definitely-not-the-secret',
        },
      },
    );
    return registered.data!.registerTenant.id;
  }

  async function start(mutation: string, tenantId: string) {
    const started = await scenario.call(mutation, { t: tenantId });
    expect(started.errors).toBeUndefined();
    return waitForRun(scenario, Object.values(started.data!)[0].id);
  }

  it("ends a sync whose token is refused with verify's code and words, not handler_error or a class name", async () => {
    const tenantId = await tenantWithWrongSecret();
    const run = await start(SYNC, tenantId);
    expect(run.outcome).toBe('FAILED');
    expect(run.failures).toEqual([
      expect.objectContaining({ code: 'invalid_credentials', message: expect.stringMatching(/^Wrong credential/) }),
    ]);
    expect(run.failures[0].message).not.toMatch(CLASS_PREFIX);
  });

  it('refuses to start a sync on a tenant whose last verification failed: CONFLICT with the verify message', async () => {
    const tenantId = await tenantWithWrongSecret();
    const verify = await start(VERIFY, tenantId);
    expect(verify.failures[0].code).toBe('invalid_credentials');
    for (const mutation of [SYNC, GROUPS]) {
      const refused = await scenario.call(mutation, { t: tenantId });
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/last verification failed \(invalid_credentials\): Wrong credential.*verify/),
        extensions: { code: 'CONFLICT', reason: 'verification_failed', verificationCode: 'invalid_credentials' },
      });
    }
    const runs = await scenario.call(
      `query($t: ID!) { operationRuns(filter: { tenantId: $t }) { edges { node { type } } } }`,
      { t: tenantId },
    );
    expect(runs.data!.operationRuns.edges.map((e: { node: { type: string } }) => e.node.type)).toEqual([
      'tenant.verify',
    ]);
  });

  it('records a Graph outage on each type as graph_unavailable, with Graph’s status in plain words', async () => {
    const { tenantId, sim } = await scenario.addManagedTenant();
    scenario.sim.setFaults(sim.tenantId, { fail503Rate: 1 });
    try {
      const run = await start(SYNC, tenantId);
      expect(run.outcome).toBe('FAILED');
      expect(run.failures.length).toBeGreaterThan(0);
      for (const failure of run.failures) {
        expect(failure.code).toBe('graph_unavailable');
        expect(failure.message).toMatch(/^Microsoft Graph did not answer \(503\)/);
        expect(failure.message).not.toMatch(CLASS_PREFIX);
      }
    } finally {
      scenario.sim.setFaults(sim.tenantId, { fail503Rate: 0 });
    }
  });

  it('stores only catalogued codes', async () => {
    const { tenantId } = await scenario.addManagedTenant({ apps: [{ roles: ['DeviceManagementApps.Read.All'] }] });
    const run = await start(SYNC, tenantId);
    expect(run.failures.length).toBeGreaterThan(0);
    for (const failure of run.failures) expect(Object.keys(RUN_FAILURE_CODES)).toContain(failure.code);
  });
});
