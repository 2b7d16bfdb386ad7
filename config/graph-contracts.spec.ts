import {
  COMMON_READ_ONLY_FIELDS,
  GRAPH_CONTRACTS,
  GRAPH_TYPE_KEYS,
  getContract,
  stripReadOnlyFields,
} from './graph-contracts';

const REQUIRED_TYPES = [
  'deviceConfiguration',
  'deviceCompliancePolicy',
  'settingsCatalogPolicy',
  'groupPolicyConfiguration',
  'deviceManagementScript',
  'deviceHealthScript',
  'windowsAutopilotDeploymentProfile',
  'assignmentFilter',
  'roleScopeTag',
  'roleDefinition',
  'roleAssignment',
  'iosManagedAppProtection',
  'androidManagedAppProtection',
  'windowsFeatureUpdateProfile',
  'windowsDriverUpdateProfile',
  'mobileApp',
];

/** What the Graph simulator (Microsoft's side) enforces; the registry must say the same. */
const SIMULATOR_READ_PERMISSION: Record<string, string> = {
  deviceConfigurations: 'DeviceManagementConfiguration',
  deviceCompliancePolicies: 'DeviceManagementConfiguration',
  configurationPolicies: 'DeviceManagementConfiguration',
  groupPolicyConfigurations: 'DeviceManagementConfiguration',
  assignmentFilters: 'DeviceManagementConfiguration',
  windowsFeatureUpdateProfiles: 'DeviceManagementConfiguration',
  windowsDriverUpdateProfiles: 'DeviceManagementConfiguration',
  deviceManagementScripts: 'DeviceManagementScripts',
  deviceHealthScripts: 'DeviceManagementScripts',
  windowsAutopilotDeploymentProfiles: 'DeviceManagementServiceConfig',
  roleScopeTags: 'DeviceManagementRBAC',
  roleDefinitions: 'DeviceManagementRBAC',
  roleAssignments: 'DeviceManagementRBAC',
  iosManagedAppProtections: 'DeviceManagementApps',
  androidManagedAppProtections: 'DeviceManagementApps',
  mobileApps: 'DeviceManagementApps',
};

describe('graph contract registry', () => {
  it('covers at least the 16 Intune types the product promises', () => {
    expect(GRAPH_TYPE_KEYS).toEqual(expect.arrayContaining(REQUIRED_TYPES));
  });

  describe.each(GRAPH_TYPE_KEYS)('%s', (key) => {
    const c = GRAPH_CONTRACTS[key];

    it('is keyed by its own typeKey and has a label', () => {
      expect(c.typeKey).toBe(key);
      expect(c.label.trim()).not.toBe('');
    });

    it('has a beta collection path under deviceManagement or deviceAppManagement', () => {
      expect(c.apiVersion).toBe('beta');
      expect(c.collectionPath).toMatch(/^\/(deviceManagement|deviceAppManagement)\/[A-Za-z]+$/);
    });

    it('lists id and its name field, and keeps neither a payload nor a secret in meta', () => {
      expect(c.listSelect).toEqual(expect.arrayContaining(['id', c.nameField]));
      expect(new Set(c.listSelect).size).toBe(c.listSelect.length);
      for (const field of [
        'settings',
        'scriptContent',
        'detectionScriptContent',
        'remediationScriptContent',
        'assignments',
        'id',
        c.nameField,
      ]) {
        expect(c.metaFields).not.toContain(field);
      }
    });

    it('derives its platform from a field it lists, from @odata.type, or states it', () => {
      if (c.platform.from === 'field') expect([...c.listSelect, ...c.metaFields]).toContain(c.platform.field);
      if (c.platform.from === 'odataType') expect(c.polymorphic).toBe(true);
    });

    it('states read permissions, and write permissions that also grant read', () => {
      expect(c.permissions.read.length).toBeGreaterThan(0);
      for (const p of c.permissions.write) expect(c.permissions.read).toContain(p);
    });

    it('states the same read permission the Graph simulator enforces', () => {
      const collection = c.collectionPath.split('/').pop()!;
      const family = SIMULATOR_READ_PERMISSION[collection];
      expect(c.permissions.read).toEqual([`${family}.Read.All`, `${family}.ReadWrite.All`]);
      if (c.restorable) expect(c.permissions.write).toEqual([`${family}.ReadWrite.All`]);
    });

    it('is writable exactly when restorable, with create, update and write permissions', () => {
      const writable = c.create !== null && c.update !== null && c.permissions.write.length > 0;
      expect(writable).toBe(c.restorable);
    });

    it('strips every common read-only field before a write', () => {
      expect(c.readOnlyFields).toEqual(expect.arrayContaining([...COMMON_READ_ONLY_FIELDS]));
      expect(c.readOnlyFields).not.toContain(c.nameField);
      expect(c.readOnlyFields).not.toContain('@odata.type');
    });

    it('requires @odata.type on create when the type is polymorphic', () => {
      if (c.polymorphic && c.create) expect(c.create.requiredFields).toContain('@odata.type');
    });

    it('backs up its assignments when it has any', () => {
      if (!c.assignments) return;
      const expanded = c.backup.expand.some((e) => e.split('(')[0] === c.assignments!.readPath);
      const sub = c.backup.subResources.some((s) => s.path === c.assignments!.readPath);
      expect(expanded || sub).toBe(true);
    });

    it('accepts 200 and 204 on update', () => {
      if (c.update) expect(c.update.expectedStatuses).toEqual(expect.arrayContaining([200, 204]));
    });
  });

  it('updates settings catalog policies with PUT, since PATCH cannot change settings', () => {
    expect(getContract('settingsCatalogPolicy').update?.method).toBe('PUT');
  });

  it('requires a scheduled action on compliance create, as Graph does', () => {
    expect(getContract('deviceCompliancePolicy').create?.requiredFields).toContain('scheduledActionsForRule');
  });

  it('assigns scripts and remediations with their own body keys and autopilot per target', () => {
    expect(getContract('deviceManagementScript').assignments?.write).toEqual({
      kind: 'assignAction',
      bodyKey: 'deviceManagementScriptAssignments',
      expectedStatus: 204,
    });
    expect(getContract('deviceHealthScript').assignments?.write).toEqual({
      kind: 'assignAction',
      bodyKey: 'deviceHealthScriptAssignments',
      expectedStatus: 204,
    });
    expect(getContract('windowsAutopilotDeploymentProfile').assignments?.write.kind).toBe('perTargetPost');
  });

  it('never restores mobile apps', () => {
    expect(getContract('mobileApp').restorable).toBe(false);
  });

  it('rejects an unknown type key', () => {
    expect(() => getContract('nope')).toThrow('Unknown Graph object type "nope"');
  });

  it('strips read-only fields and every *@odata.context before a write', () => {
    const body = {
      id: '1',
      displayName: 'x',
      version: 3,
      '@odata.type': '#t',
      '@odata.context': 'c',
      'settings@odata.context': 'c',
      settingCount: 2,
    };
    expect(stripReadOnlyFields(getContract('settingsCatalogPolicy'), body)).toEqual({
      displayName: 'x',
      '@odata.type': '#t',
    });
  });
});
