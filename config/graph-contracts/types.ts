/** The shape of one contract in the registry (`./index.ts`); the family files fill it through `defineContract`. */

export type GraphApiVersion = 'beta' | 'v1.0';

/** Every type the registry knows, grouped as the family files are; the registry must define each exactly once. */
export type GraphTypeKey =
  // device-configuration.contracts.ts
  | 'deviceConfiguration'
  | 'deviceCompliancePolicy'
  // settings-catalog.contracts.ts
  | 'settingsCatalogPolicy'
  // administrative-templates.contracts.ts
  | 'groupPolicyConfiguration'
  // scripts.contracts.ts
  | 'deviceManagementScript'
  | 'deviceHealthScript'
  // enrollment.contracts.ts
  | 'windowsAutopilotDeploymentProfile'
  // targeting.contracts.ts
  | 'assignmentFilter'
  // rbac.contracts.ts
  | 'roleScopeTag'
  | 'roleDefinition'
  | 'roleAssignment'
  // app-protection.contracts.ts
  | 'iosManagedAppProtection'
  | 'androidManagedAppProtection'
  // updates.contracts.ts
  | 'windowsFeatureUpdateProfile'
  | 'windowsDriverUpdateProfile'
  // apps.contracts.ts
  | 'mobileApp';

/** Where inventory reads an object's platform from. */
export type PlatformHint =
  | { from: 'field'; field: string }
  | { from: 'odataType' }
  | { from: 'fixed'; value: 'windows' | 'iOS' | 'android' | 'macOS' }
  | { from: 'none' };

/** A child collection a backup must read separately (Graph offers no $expand for it). */
export interface GraphSubResource {
  key: string;
  /** Relative to the item: `${collectionPath}/{id}/${path}`. */
  path: string;
  expand?: readonly string[];
  /** Read per item of this sub-resource: `${...}/${path}/{childId}/${child.path}`. */
  perItem?: GraphSubResource;
}

export type AssignmentWrite =
  /** `POST /{id}/assign` with `{ [bodyKey]: [...] }`; replaces the whole set. */
  | { kind: 'assignAction'; bodyKey: string; expectedStatus: 200 | 204 }
  /** Autopilot: one `POST /{id}/assignments {target}` per target (201); old ones deleted one by one. */
  | { kind: 'perTargetPost'; expectedStatus: 201 };

export interface AssignmentContract {
  /** Relative to the item: `GET ${collectionPath}/{id}/${readPath}`. */
  readPath: string;
  write: AssignmentWrite;
}

export interface GraphContract {
  typeKey: GraphTypeKey;
  label: string;
  /** Collection path under `/{apiVersion}`, starting with '/'. */
  collectionPath: string;
  apiVersion: GraphApiVersion;
  /** The base `@odata.type`; `polymorphic` types carry a subtype on every object and need it on POST. */
  odataType: string;
  polymorphic: boolean;
  nameField: 'displayName' | 'name';
  /** `$select` for inventory listing. */
  listSelect: readonly string[];
  /** Fields inventory may keep in `meta` (a whitelist; everything else stays out of inventory). */
  metaFields: readonly string[];
  platform: PlatformHint;
  backup: { expand: readonly string[]; subResources: readonly GraphSubResource[] };
  /** Null when the type is never written (e.g. mobileApps: metadata only). */
  create: { method: 'POST'; expectedStatus: 201; requiredFields: readonly string[] } | null;
  update: { method: 'PATCH' | 'PUT'; expectedStatuses: readonly number[] } | null;
  /** Top-level fields stripped from every POST/PATCH/PUT body (Graph rejects them). */
  readOnlyFields: readonly string[];
  /** Null when the type has no assignments of its own. */
  assignments: AssignmentContract | null;
  /** `read`: any one of them is enough (ReadWrite implies Read). `write`: any one of them. */
  permissions: { read: readonly string[]; write: readonly string[] };
  /** False: never restored (backup and inventory only). */
  restorable: boolean;
  /** Whether the collection accepts `$filter`. */
  supportsFilter: boolean;
}
