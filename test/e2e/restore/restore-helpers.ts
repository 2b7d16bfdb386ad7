import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { seedFromExports, type SimTenant } from '../../../src/graph-simulator';
import { waitForRun, type Scenario } from '../../support/scenario';

export const FIXTURES = join(__dirname, '../../../../shared/fixtures/openintunebaseline');

export const GRANT = `mutation($t: ID!, $u: String!, $r: TenantRole!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: $r) { role } }`;
export const PREVIEW = `mutation($input: StartRestorePreviewInput!) { startRestorePreview(input: $input) { id } }`;
export const PLAN = `query($id: ID!) { restorePlan(id: $id) { id status planHash expiresAt counts { create update skip blocked }
  items { id seq typeKey sourceId displayName action reasons targetId matchedBy diff { path left right } }
  mappings { kind sourceId sourceName targetId foundBy note } } }`;
export const CONFIRM = `mutation($p: ID!, $h: String!, $n: String!) { confirmRestorePlan(planId: $p, planHash: $h, typedTenantName: $n) { id } }`;
export const RESULTS = `query($r: ID!) { restoreResults(runId: $r) { seq typeKey displayName status targetId created message } }`;

/** Two groups every test tenant has, under its own ids (restore maps them by name). */
export const GROUP_NAMES = ['Pilot devices', 'All staff'];

export async function newTenant(
  scenario: Scenario,
  name: string,
  groups: string[] = GROUP_NAMES,
): Promise<{ tenantId: string; sim: SimTenant; name: string }> {
  const displayName = `${name} ${randomUUID().slice(0, 6)}`;
  const { tenantId, sim } = await scenario.addManagedTenant({
    name: displayName,
    groups: groups.map((g) => ({ displayName: g, id: randomUUID() })),
  });
  return { tenantId, sim: scenario.sim.tenant(sim.tenantId), name: displayName };
}

export async function run(scenario: Scenario, mutation: string, variables: Record<string, unknown>, token?: string) {
  const started = await scenario.call(mutation, variables, token);
  if (started.errors) throw new Error(JSON.stringify(started.errors));
  const id = (Object.values(started.data!)[0] as { id: string }).id;
  return waitForRun(scenario, id, 180_000);
}

export const syncGroups = (s: Scenario, tenantId: string) =>
  run(s, `mutation($t: ID!) { startDirectoryGroupsSync(tenantId: $t) { id } }`, { t: tenantId });
export const syncInventory = (s: Scenario, tenantId: string) =>
  run(s, `mutation($t: ID!) { startInventorySync(tenantId: $t) { id } }`, { t: tenantId });

/** Seeds tenant A with the 72 fixtures and gives some of them group (and one a filter) assignments. */
export function seedSource(sim: SimTenant): { filterId: string; assigned: string[] } {
  seedFromExports(sim, FIXTURES);
  const group = (name: string) => sim.groups.find((g) => g.displayName === name)!.id;
  const filterId = randomUUID();
  sim.put('deviceManagement/assignmentFilters', {
    entity: {
      '@odata.type': '#microsoft.graph.deviceAndAppManagementAssignmentFilter',
      id: filterId,
      displayName: 'Corporate Windows',
      description: '',
      platform: 'windows10AndLater',
      rule: '(device.deviceOwnership -eq "Corporate")',
      assignmentFilterManagementType: 'devices',
      roleScopeTags: ['0'],
      createdDateTime: '2026-01-01T00:00:00Z',
      lastModifiedDateTime: '2026-01-01T00:00:00Z',
    },
    subs: {},
  });
  const policies = sim.list('deviceManagement/configurationPolicies').slice(0, 6);
  const assigned: string[] = [];
  policies.forEach((p, i) => {
    const target: Record<string, unknown> = {
      '@odata.type': '#microsoft.graph.groupAssignmentTarget',
      groupId: group(GROUP_NAMES[i % 2]),
      deviceAndAppManagementAssignmentFilterId: i === 0 ? filterId : null,
      deviceAndAppManagementAssignmentFilterType: i === 0 ? 'include' : 'none',
    };
    p.subs.assignments = [{ id: `${String(p.entity.id)}_${i}`, source: 'direct', sourceId: p.entity.id, target }];
    assigned.push(String(p.entity.name));
  });
  return { filterId, assigned };
}

export async function previewPlan(
  scenario: Scenario,
  input: Record<string, unknown>,
  token?: string,
): Promise<{ run: Record<string, any>; plan: Record<string, any> }> {
  const previewRun = await run(scenario, PREVIEW, { input }, token);
  if (previewRun.outcome !== 'SUCCEEDED') throw new Error(`preview ${JSON.stringify(previewRun)}`);
  const planId = await planIdOfRun(scenario, previewRun.id);
  const plan = (await scenario.call(PLAN, { id: planId }, token)).data!.restorePlan;
  return { run: previewRun, plan };
}

export async function planIdOfRun(scenario: Scenario, runId: string): Promise<string> {
  const res = await scenario.call(`query($id: ID!) { operationRun(id: $id) { result } }`, { id: runId });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data!.operationRun.result as { planId: string }).planId;
}
