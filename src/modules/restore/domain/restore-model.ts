/** The vocabulary of a restore plan, shared by the pure rules, the entities and the GraphQL types. */

/** draft: preview still writing it; ready: reviewable; confirmed: execute started; executed: done; expired: too old. */
export type RestorePlanStatus = 'draft' | 'ready' | 'confirmed' | 'executed' | 'expired' | 'failed';
export const RESTORE_PLAN_STATUSES: readonly RestorePlanStatus[] = [
  'draft',
  'ready',
  'confirmed',
  'executed',
  'expired',
  'failed',
];

export type RestoreMode = 'createOrUpdate' | 'createOnly';

export type RestoreAction = 'create' | 'update' | 'skip' | 'blocked';
export const RESTORE_ACTIONS: readonly RestoreAction[] = ['create', 'update', 'skip', 'blocked'];

export type RestoreItemStatus = 'succeeded' | 'failed' | 'skipped' | 'conflict' | 'blocked';
export const RESTORE_ITEM_STATUSES: readonly RestoreItemStatus[] = [
  'succeeded',
  'failed',
  'skipped',
  'conflict',
  'blocked',
];

/** What a mapping translates: Entra groups, assignment filters, scope tags (integer ids), Intune roles. */
export type MappingKind = 'group' | 'filter' | 'scopeTag' | 'roleDefinition';
export const MAPPING_KINDS: readonly MappingKind[] = ['group', 'filter', 'scopeTag', 'roleDefinition'];

/**
 * How a mapping was found: the same id exists in the target; an earlier restore created it (ID ledger); a unique display name; an object this plan creates
 * first (its id is known only at execution, from the ledger); a built-in that exists everywhere; set by an admin; none.
 */
export type MappingSource = 'sameId' | 'ledger' | 'name' | 'planned' | 'builtIn' | 'override' | 'none';
export const MAPPING_SOURCES: readonly MappingSource[] = [
  'sameId',
  'ledger',
  'name',
  'planned',
  'builtIn',
  'override',
  'none',
];

/** How a backed-up object was matched to a target object. */
export type MatchedBy = 'originalId' | 'ledger' | 'name';

/** One backed-up object as restore reads it (the backups module's BackupItemView, narrowed). */
export interface SourceItem {
  id: string;
  tenantId: string;
  typeKey: string;
  sourceId: string;
  displayName: string;
  odataType: string | null;
  /** Raw JSON as Graph returned it, sub-resources inline. Never the canonical form. */
  payload: Record<string, unknown>;
  assignments: Record<string, unknown>[];
  needsSecretReentry: boolean;
  secretPaths: string[];
}

/** A live object of the target, as preview and execute see it. */
export interface TargetObject {
  id: string;
  name: string;
  odataType: string | null;
  /** lastModifiedDateTime + version: changes whenever Graph changes the object. */
  fingerprint: string;
}

export interface MappingEntry {
  kind: MappingKind;
  sourceId: string;
  sourceName: string | null;
  targetId: string | null;
  foundBy: MappingSource;
  note: string | null;
}
