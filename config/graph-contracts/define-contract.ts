import { COMMON_READ_ONLY_FIELDS } from './read-only-fields';
import type {
  AssignmentContract,
  GraphApiVersion,
  GraphContract,
  GraphSubResource,
  GraphTypeKey,
  PlatformHint,
} from './types';

/** `$select` and meta most Intune collections share; `withBaseSelect`/`withBaseMeta` add a type's own fields. */
export const BASE_SELECT: readonly string[] = [
  'id',
  'displayName',
  'description',
  'createdDateTime',
  'lastModifiedDateTime',
  'roleScopeTagIds',
];
export const BASE_META: readonly string[] = [
  'description',
  'createdDateTime',
  'lastModifiedDateTime',
  'roleScopeTagIds',
];
export const withBaseSelect = (...fields: string[]): readonly string[] => [...BASE_SELECT, ...fields];
export const withBaseMeta = (...fields: string[]): readonly string[] => [...BASE_META, ...fields];

/** `POST /{id}/assign { [bodyKey]: [...] }`, replacing the whole set (most types: `assignments`, 200). */
export const assignAction = (bodyKey = 'assignments', expectedStatus: 200 | 204 = 200): AssignmentContract => ({
  readPath: 'assignments',
  write: { kind: 'assignAction', bodyKey, expectedStatus },
});

/** Autopilot: no replace-all action, one `POST /{id}/assignments` per target. */
export const perTargetPost = (): AssignmentContract => ({
  readPath: 'assignments',
  write: { kind: 'perTargetPost', expectedStatus: 201 },
});

/** What a family file states about a type; everything left out takes the default every Intune type shares. */
export interface ContractSpec<K extends GraphTypeKey> {
  typeKey: K;
  label: string;
  collectionPath: string;
  odataType: string;
  platform: PlatformHint;
  permissions: GraphContract['permissions'];
  /** Default beta: `roleScopeTagIds` and most Intune collections exist only there. */
  apiVersion?: GraphApiVersion;
  /** Default false. True adds `@odata.type` to the fields a create must carry. */
  polymorphic?: boolean;
  /** Default `displayName`. */
  nameField?: GraphContract['nameField'];
  /** Default `BASE_SELECT`. */
  listSelect?: readonly string[];
  /** Default `BASE_META`. */
  metaFields?: readonly string[];
  /** Default: `$expand=assignments` when the type has assignments, else nothing; no sub-resources. */
  backup?: { expand: readonly string[]; subResources?: readonly GraphSubResource[] };
  /** Fields a POST must carry besides `@odata.type` (which polymorphic types get first). */
  requiredOnCreate?: readonly string[];
  /** Default PATCH; both accept 200 and 204. */
  updateMethod?: 'PATCH' | 'PUT';
  /** Read-only fields of this type on top of `COMMON_READ_ONLY_FIELDS`. */
  readOnlyFields?: readonly string[];
  /** Default `assignAction()`; null when the type has no assignments of its own. */
  assignments?: AssignmentContract | null;
  /** Default true. False: never written, so no create, no update and no write permission. */
  restorable?: boolean;
  /** Default true. */
  supportsFilter?: boolean;
}

/** A registry entry from the type's own facts plus the shared defaults. */
export function defineContract<K extends GraphTypeKey>(spec: ContractSpec<K>): GraphContract & { typeKey: K } {
  const polymorphic = spec.polymorphic ?? false;
  const restorable = spec.restorable ?? true;
  const assignments = spec.assignments === undefined ? assignAction() : spec.assignments;
  return {
    typeKey: spec.typeKey,
    label: spec.label,
    collectionPath: spec.collectionPath,
    apiVersion: spec.apiVersion ?? 'beta',
    odataType: spec.odataType,
    polymorphic,
    nameField: spec.nameField ?? 'displayName',
    listSelect: spec.listSelect ?? BASE_SELECT,
    metaFields: spec.metaFields ?? BASE_META,
    platform: spec.platform,
    backup: {
      expand: spec.backup?.expand ?? (assignments ? [assignments.readPath] : []),
      subResources: spec.backup?.subResources ?? [],
    },
    create: restorable
      ? {
          method: 'POST',
          expectedStatus: 201,
          requiredFields: [...(polymorphic ? ['@odata.type'] : []), ...(spec.requiredOnCreate ?? [])],
        }
      : null,
    update: restorable ? { method: spec.updateMethod ?? 'PATCH', expectedStatuses: [200, 204] } : null,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS, ...(spec.readOnlyFields ?? [])],
    assignments,
    permissions: restorable ? spec.permissions : { read: spec.permissions.read, write: [] },
    restorable,
    supportsFilter: spec.supportsFilter ?? true,
  };
}

/** The registry from its families, in their order; a type key defined twice is a programming error. */
export function registryOf(families: ReadonlyArray<readonly GraphContract[]>): Record<GraphTypeKey, GraphContract> {
  const registry: Partial<Record<GraphTypeKey, GraphContract>> = {};
  for (const contract of families.flat()) {
    if (registry[contract.typeKey]) throw new Error(`Graph contract "${contract.typeKey}" is defined twice`);
    registry[contract.typeKey] = contract;
  }
  return registry as Record<GraphTypeKey, GraphContract>;
}
