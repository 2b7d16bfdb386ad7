import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const LIST = `query($t: ID!, $s: String, $after: String) { directoryGroups(tenantId: $t, search: $s, first: 20, after: $after) { edges { node { externalId displayName securityEnabled deletedAt } } pageInfo { hasNextPage endCursor } } }`;

describe('directory.groups.sync and directoryGroups', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario();
  });
  afterAll(() => scenario.close());

  async function listAll(tenantId: string, search?: string) {
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await scenario.call(LIST, { t: tenantId, s: search, after })).data!.directoryGroups;
      names.push(...page.edges.map((e: { node: { displayName: string } }) => e.node.displayName));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return names;
  }

  it('caches every group, pages through them from the database, and marks groups gone from Entra as deleted', async () => {
    const { tenantId, sim } = await scenario.addManagedTenant({ groups: 45 });
    const start = async () =>
      waitForRun(
        scenario,
        (await scenario.call(`mutation($t: ID!) { startDirectoryGroupsSync(tenantId: $t) { id } }`, { t: tenantId }))
          .data!.startDirectoryGroupsSync.id,
      );
    expect((await start()).outcome).toBe('SUCCEEDED');

    const simGroups = scenario.sim.tenant(sim.tenantId).groups;
    const all = await listAll(tenantId);
    expect(all).toHaveLength(45);
    expect([...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(all); // ordered by name
    expect(new Set(all)).toEqual(new Set(simGroups.map((g) => g.displayName)));

    const needle = simGroups[0].displayName.split('-')[2];
    const found = await listAll(tenantId, needle);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((name) => name.toLowerCase().includes(needle.toLowerCase()))).toBe(true);

    const [gone] = simGroups.splice(0, 1);
    expect((await start()).outcome).toBe('SUCCEEDED');
    const after = await listAll(tenantId);
    expect(after).toHaveLength(44);
    expect(after).not.toContain(gone.displayName);
  });

  it('reads only the cache: no Graph request is made by directoryGroups', async () => {
    const { tenantId, sim } = await scenario.addManagedTenant({ groups: 5 });
    scenario.sim.resetStats();
    await listAll(tenantId);
    expect(scenario.sim.stats(sim.tenantId).requests).toBe(0);
  });
});
