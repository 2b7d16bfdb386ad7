import { randomUUID } from 'node:crypto';
import { DEMO_TENANT } from '../../src/graph-simulator';
import type { Stack } from './stack';

const GRANT = `mutation($t: ID!, $u: String!, $r: TenantRole!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: $r) { role } }`;

/** Starts a run through the API and waits until it has completed; returns its result. */
export async function runToEnd(
  stack: Stack,
  mutation: string,
  variables: Record<string, unknown>,
): Promise<{ id: string; outcome: string; result: Record<string, unknown> | null }> {
  const started = await stack.call<Record<string, { id: string }>>(mutation, variables);
  const id = Object.values(started)[0].id;
  for (const end = Date.now() + 150_000; ;) {
    const { operationRun } = await stack.call<{
      operationRun: { status: string; outcome: string; result: Record<string, unknown> | null };
    }>(`query($id: ID!) { operationRun(id: $id) { status outcome result } }`, { id });
    if (operationRun.status === 'COMPLETED') return { id, ...operationRun };
    if (Date.now() > end) throw new Error(`run ${id} did not complete`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** A completed backup of the demo tenant (a new one: the previous ones may predate changes). */
export async function backupOfDemo(stack: Stack): Promise<string> {
  const run = await runToEnd(stack, `mutation($t: ID!) { startBackup(tenantId: $t) { id } }`, {
    t: stack.demoTenantId,
  });
  const backupId = run.result?.backupId;
  if (typeof backupId !== 'string') throw new Error(`the backup run ended ${run.outcome} without a backup`);
  return backupId;
}

export interface RestoreTarget {
  tenantId: string;
  name: string;
  /** Source groups: one the target has by the same name, one it lacks (the admin maps it by hand). */
  sameName: string;
  missing: string;
  /** The target group the admin picks for `missing`. */
  override: string;
  /** Policies of the source with a group assignment. */
  assigned: string[];
  typeKey: string;
}

/**
 * The second simulator tenant (Fabrikam) ready to receive a restore: the demo admin holds the admin role on it, it is
 * verified, its groups and inventory are cached. Two compliance policies of the demo tenant are assigned to two demo
 * groups; Fabrikam has the first group by name, not the second, plus a group to map the second to.
 */
export async function prepareRestoreTarget(stack: Stack): Promise<RestoreTarget> {
  const { tenant } = await stack.call<{ tenant: { entraTenantId: string; displayName: string } }>(
    `query($id: ID!) { tenant(id: $id) { entraTenantId displayName } }`,
    { id: stack.otherTenantId },
  );
  const demo = stack.sim.tenant(DEMO_TENANT.tenantId);
  const target = stack.sim.tenant(tenant.entraTenantId);
  const [sameName, missing] = demo.groups.slice(0, 2).map((g) => g.displayName);
  const override = 'Restore override group';
  for (const displayName of [sameName, override])
    if (!target.groups.some((g) => g.displayName === displayName))
      target.groups.push({
        id: randomUUID(),
        displayName,
        description: null,
        mail: null,
        mailNickname: displayName.replace(/\W+/g, ''),
        mailEnabled: false,
        securityEnabled: true,
        groupTypes: [],
        membershipRule: null,
        createdDateTime: new Date().toISOString(),
      });
  const collection = demo.collections().find((c) => c.endsWith('deviceCompliancePolicies'));
  if (!collection) throw new Error('the simulator has no compliance policies');
  const policies = demo.list(collection).slice(0, 2);
  policies.forEach((p, i) => {
    const group = demo.groups[i];
    p.subs.assignments = [
      {
        id: `${String(p.entity.id)}_${group.id}`,
        target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: group.id },
      },
    ];
  });

  await stack.call(GRANT, { t: stack.otherTenantId, u: DEMO_TENANT.upn, r: 'ADMIN' });
  await runToEnd(stack, `mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`, { t: stack.otherTenantId });
  for (const t of [stack.demoTenantId, stack.otherTenantId])
    await runToEnd(stack, `mutation($t: ID!) { startDirectoryGroupsSync(tenantId: $t) { id } }`, { t });
  await runToEnd(stack, `mutation($t: ID!) { startInventorySync(tenantId: $t) { id } }`, { t: stack.otherTenantId });
  return {
    tenantId: stack.otherTenantId,
    name: tenant.displayName,
    sameName,
    missing,
    override,
    assigned: policies.map((p) => String(p.entity.displayName)),
    typeKey: 'deviceCompliancePolicy',
  };
}
