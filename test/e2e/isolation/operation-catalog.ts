import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

/** Ids of the tenant under attack (or of nothing at all: the "missing" twin of every call). */
export interface TargetIds {
  tenantId: string;
  entraTenantId: string;
  runId: string;
  memberUpn: string;
  notificationId: string;
  backupId: string;
  backupItemId: string;
  backupSourceId: string;
}

export function missingTwin(): TargetIds {
  return {
    tenantId: randomUUID(),
    entraTenantId: randomUUID(),
    runId: randomUUID(),
    memberUpn: 'nobody-here@msp.test',
    notificationId: randomUUID(),
    backupId: randomUUID(),
    backupItemId: randomUUID(),
    backupSourceId: randomUUID(),
  };
}

/**
 * How to call each root operation against a target. A new operation without an entry fails the isolation test:
 * adding one is how a new field joins the matrix.
 */
export const OPERATION_ARGS: Record<string, (t: TargetIds) => Record<string, unknown>> = {
  me: () => ({}),
  tenants: () => ({ includeArchived: true }),
  tenant: (t) => ({ id: t.tenantId }),
  registerTenant: (t) => ({
    input: {
      entraTenantId: t.entraTenantId,
      displayName: 'Takeover',
      clientId: randomUUID(),
      clientSecret: 'takeover',
    },
  }),
  updateTenantCredentials: (t) => ({ input: { tenantId: t.tenantId, clientSecret: 'hijacked' } }),
  renameTenant: (t) => ({ id: t.tenantId, displayName: 'Hijacked' }),
  archiveTenant: (t) => ({ id: t.tenantId }),
  verifyTenant: (t) => ({ tenantId: t.tenantId }),
  tenantMembers: (t) => ({ tenantId: t.tenantId }),
  grantTenantAccess: (t) => ({ tenantId: t.tenantId, userUpn: 'intruder@msp.test', role: 'ADMIN' }),
  revokeTenantAccess: (t) => ({ tenantId: t.tenantId, userUpn: t.memberUpn }),
  searchDirectoryGroups: (t) => ({ tenantId: t.tenantId, query: 'a' }),
  auditEvents: (t) => ({ tenantId: t.tenantId }),
  operationRuns: (t) => ({ filter: { tenantId: t.tenantId } }),
  operationRun: (t) => ({ id: t.runId }),
  cancelOperationRun: (t) => ({ id: t.runId }),
  operationRunUpdated: (t) => ({ id: t.runId, tenantId: t.tenantId }),
  myNotifications: () => ({}),
  markNotificationsRead: (t) => ({ ids: [t.notificationId] }),
  notificationAdded: () => ({}),
  startInventorySync: (t) => ({ tenantId: t.tenantId }),
  startDirectoryGroupsSync: (t) => ({ tenantId: t.tenantId }),
  inventoryItems: (t) => ({ tenantId: t.tenantId }),
  inventoryItem: (t) => ({ id: t.runId }), // any id of the target: an inventory item id never matches another tenant's
  inventorySummary: (t) => ({ tenantId: t.tenantId }),
  inventorySchedule: (t) => ({ tenantId: t.tenantId }),
  setInventorySchedule: (t) => ({ tenantId: t.tenantId, cron: '0 3 * * *' }),
  directoryGroups: (t) => ({ tenantId: t.tenantId }),
  startBackup: (t) => ({ tenantId: t.tenantId }),
  backups: (t) => ({ tenantId: t.tenantId }),
  backup: (t) => ({ id: t.backupId }),
  backupItems: (t) => ({ backupId: t.backupId }),
  backupItem: (t) => ({ id: t.backupItemId }),
  policyVersions: (t) => ({ tenantId: t.tenantId, typeKey: 'settingsCatalogPolicy', sourceId: t.backupSourceId }),
  setBackupSchedule: (t) => ({ tenantId: t.tenantId, cron: '0 4 * * *' }),
  backupSchedule: (t) => ({ tenantId: t.tenantId }),
  diffBackupItems: (t) => ({ leftId: t.backupItemId, rightId: t.backupItemId }),
  diffBackups: (t) => ({ leftBackupId: t.backupId, rightBackupId: t.backupId }),
  startCompareBackupToLive: (t) => ({ backupItemId: t.backupItemId }),
  startRestorePreview: (t) => ({ input: { backupId: t.backupId, targetTenantId: t.tenantId } }),
  restorePlan: (t) => ({ id: t.runId }), // any id: a plan id never matches another tenant's
  restorePlans: (t) => ({ tenantId: t.tenantId }),
  setRestoreMapping: (t) => ({ planId: t.runId, sourceId: 'x', targetId: 'y' }),
  confirmRestorePlan: (t) => ({ planId: t.runId, planHash: 'x', typedTenantName: 'x' }),
  restoreResults: (t) => ({ runId: t.runId }),
  restoreLedger: (t) => ({ targetTenantId: t.tenantId }),
  importBackup: (t) => ({ tenantId: t.tenantId, path: 'fixtures/openintunebaseline' }),
  setBackupRetention: (t) => ({ tenantId: t.tenantId, keepLast: 1 }),
  backupRetention: (t) => ({ tenantId: t.tenantId }),
  startBackupPrune: (t) => ({ tenantId: t.tenantId }),
};

export interface RootOperation {
  kind: 'query' | 'mutation' | 'subscription';
  name: string;
  field: GraphQLField<unknown, unknown>;
}

export async function loadSchema(url: string, token: string): Promise<GraphQLSchema> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as { data: IntrospectionQuery };
  return buildClientSchema(body.data);
}

export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const out: RootOperation[] = [];
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  for (const [kind, type] of roots)
    for (const field of Object.values(type?.getFields() ?? {})) out.push({ kind, name: field.name, field });
  return out;
}

/** Every scalar reachable within `depth` levels (fields with required arguments skipped): what could leak, is read. */
export function selectionFor(type: GraphQLNamedType, depth = 3): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (depth > 1) parts.push(`${field.name} ${selectionFor(named, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

export function documentFor(op: RootOperation, variables: Record<string, unknown>): string {
  const args = op.field.args.filter((a) => a.name in variables);
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${op.kind}${declared ? `(${declared})` : ''} { ${op.name}${passed ? `(${passed})` : ''} ${selectionFor(getNamedType(op.field.type))} }`;
}
