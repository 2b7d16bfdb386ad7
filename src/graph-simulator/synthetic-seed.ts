import type { JsonObject, SimGroup, SimTenant, StoredObject } from './simulator-state';

/**
 * Plausible synthetic Intune objects and Entra groups for demos and 10k-object benchmarks. Deterministic per
 * tenant and collection (seeded PRNG), so two runs of the same seed produce the same ids and names.
 */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function guidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const pad = (n: number): string => String(n).padStart(4, '0');
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

const AREAS = [
  'BitLocker',
  'Defender',
  'Firewall',
  'Edge',
  'OneDrive',
  'Office',
  'Windows Update',
  'LAPS',
  'Hello',
  'Privacy',
  'Kiosk',
  'VPN',
  'WiFi',
  'Certificates',
];
const RINGS = [
  'Pilot',
  'UAT',
  'Prod',
  'Test',
  'Finance',
  'HR',
  'Sales',
  'IT',
  'Engineering',
  'Kiosk',
  'Executives',
  'Contractors',
];

interface Ctx {
  rand: () => number;
  i: number;
  id: string;
  name: string;
  created: string;
  modified: string;
  tags: string[];
}

type Maker = (c: Ctx) => StoredObject;

const target = (c: Ctx): JsonObject => ({
  '@odata.type': '#microsoft.graph.groupAssignmentTarget',
  groupId: guidFrom(c.rand),
  deviceAndAppManagementAssignmentFilterId: null,
  deviceAndAppManagementAssignmentFilterType: 'none',
});

const someAssignments = (c: Ctx, extra: JsonObject = {}): JsonObject[] =>
  c.i % 3 === 0 ? [] : [{ id: `${c.id}_${c.i}`, target: target(c), ...extra }];

const base = (c: Ctx, type: string, nameField: 'displayName' | 'name' = 'displayName'): JsonObject => ({
  '@odata.type': `#microsoft.graph.${type}`,
  id: c.id,
  [nameField]: c.name,
  description: `Synthetic ${type} ${pad(c.i)}`,
  createdDateTime: c.created,
  lastModifiedDateTime: c.modified,
  roleScopeTagIds: c.tags,
});

const MAKERS: Record<string, { label: string; make: Maker }> = {
  'deviceManagement/deviceConfigurations': {
    label: 'Device Config',
    make: (c) => {
      const type = pick(c.rand, [
        'windows10CustomConfiguration',
        'windows10GeneralConfiguration',
        'iosGeneralDeviceConfiguration',
        'macOSCustomConfiguration',
      ]);
      const extra: JsonObject =
        type === 'windows10CustomConfiguration'
          ? {
              omaSettings: [
                {
                  '@odata.type': '#microsoft.graph.omaSettingInteger',
                  displayName: 'Setting',
                  omaUri: './Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart',
                  value: 8,
                },
              ],
            }
          : type === 'macOSCustomConfiguration'
            ? { payloadName: 'Synthetic profile', payloadFileName: 'synthetic.mobileconfig', payload: b64('<plist/>') }
            : { passwordRequired: c.rand() > 0.5, cameraBlocked: false };
      return {
        entity: { ...base(c, type), version: 1 + (c.i % 5), supportsScopeTags: true, ...extra },
        subs: { assignments: someAssignments(c) },
      };
    },
  },
  'deviceManagement/deviceCompliancePolicies': {
    label: 'Compliance',
    make: (c) => {
      const type = pick(c.rand, [
        'windows10CompliancePolicy',
        'iosCompliancePolicy',
        'androidWorkProfileCompliancePolicy',
        'macOSCompliancePolicy',
      ]);
      return {
        entity: {
          ...base(c, type),
          version: 1 + (c.i % 4),
          passwordRequired: true,
          passwordMinimumLength: 8,
          osMinimumVersion: null,
        },
        subs: {
          assignments: someAssignments(c),
          scheduledActionsForRule: [
            {
              '@odata.type': '#microsoft.graph.deviceComplianceScheduledActionForRule',
              id: c.id,
              ruleName: null,
              scheduledActionConfigurations: [
                {
                  '@odata.type': '#microsoft.graph.deviceComplianceActionItem',
                  id: guidFrom(c.rand),
                  gracePeriodHours: 0,
                  actionType: 'block',
                  notificationTemplateId: '00000000-0000-0000-0000-000000000000',
                  notificationMessageCCList: [],
                },
              ],
            },
          ],
        },
      };
    },
  },
  'deviceManagement/configurationPolicies': {
    label: 'SC',
    make: (c) => {
      const settings = [0, 1].map((n) => ({
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
        id: String(n),
        settingInstance: {
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
          settingDefinitionId: `device_vendor_msft_policy_config_synthetic_setting${n}`,
          settingInstanceTemplateReference: null,
          choiceSettingValue: {
            settingValueTemplateReference: null,
            value: `device_vendor_msft_policy_config_synthetic_setting${n}_${c.i % 2}`,
            children: [],
          },
        },
      }));
      const assignments = someAssignments(c, { source: 'direct', sourceId: c.id });
      return {
        entity: {
          ...base(c, 'deviceManagementConfigurationPolicy', 'name'),
          platforms: pick(c.rand, ['windows10', 'macOS', 'iOS']),
          technologies: 'mdm',
          settingCount: settings.length,
          creationSource: null,
          isAssigned: assignments.length > 0,
          priorityMetaData: null,
          templateReference: {
            templateId: '',
            templateFamily: 'none',
            templateDisplayName: null,
            templateDisplayVersion: null,
          },
        },
        subs: { assignments, settings },
      };
    },
  },
  'deviceManagement/groupPolicyConfigurations': {
    label: 'ADMX',
    make: (c) => ({
      entity: { ...base(c, 'groupPolicyConfiguration'), policyConfigurationIngestionType: 'builtIn' },
      subs: {
        assignments: someAssignments(c),
        // Each value holds its definition and presentation values inline (export layout); Graph returns them only
        // under $expand / the presentationValues navigation (intune-render.ts).
        definitionValues: Array.from({ length: 1 + (c.i % 3) }, (_, k) => {
          const definitionId = guidFrom(c.rand);
          return {
            '@odata.type': '#microsoft.graph.groupPolicyDefinitionValue',
            id: guidFrom(c.rand),
            enabled: true,
            configurationType: 'policy',
            createdDateTime: c.created,
            lastModifiedDateTime: c.modified,
            definition: {
              id: definitionId,
              classType: k % 2 ? 'user' : 'machine',
              displayName: `Synthetic ADMX setting ${k + 1}`,
              categoryPath: '\\Synthetic\\Category',
              policyType: 'admxBacked',
            },
            presentationValues: [
              {
                '@odata.type': '#microsoft.graph.groupPolicyPresentationValueText',
                id: guidFrom(c.rand),
                value: `value-${c.i}-${k}`,
                createdDateTime: c.created,
                lastModifiedDateTime: c.modified,
                presentation: {
                  '@odata.type': '#microsoft.graph.groupPolicyPresentationTextBox',
                  id: guidFrom(c.rand),
                  label: `Text ${k + 1}`,
                },
              },
            ],
          };
        }),
      },
    }),
  },
  'deviceManagement/deviceManagementScripts': {
    label: 'Script',
    make: (c) => ({
      entity: {
        ...base(c, 'deviceManagementScript'),
        scriptContent: b64(`Write-Output "synthetic ${c.i}"`),
        fileName: `synthetic-${pad(c.i)}.ps1`,
        runAsAccount: pick(c.rand, ['system', 'user']),
        enforceSignatureCheck: false,
        runAs32Bit: false,
      },
      subs: { assignments: someAssignments(c) },
    }),
  },
  'deviceManagement/deviceHealthScripts': {
    label: 'Remediation',
    make: (c) => ({
      entity: {
        ...base(c, 'deviceHealthScript'),
        publisher: 'TenantAtlas Synthetic',
        version: String(1 + (c.i % 3)),
        detectionScriptContent: b64('exit 0'),
        remediationScriptContent: b64('exit 0'),
        runAsAccount: 'system',
        enforceSignatureCheck: false,
        runAs32Bit: false,
        isGlobalScript: false,
        highestAvailableVersion: null,
        deviceHealthScriptType: 'deviceHealthScript',
      },
      subs: {
        assignments: someAssignments(c, {
          runRemediationScript: true,
          runSchedule: {
            '@odata.type': '#microsoft.graph.deviceHealthScriptDailySchedule',
            interval: 1,
            useUtc: false,
            time: '01:00:00.0000000',
          },
        }),
      },
    }),
  },
  'deviceManagement/windowsAutopilotDeploymentProfiles': {
    label: 'Autopilot',
    make: (c) => ({
      entity: {
        ...base(c, 'azureADWindowsAutopilotDeploymentProfile'),
        deviceNameTemplate: `SYN-%SERIAL%`,
        locale: 'os-default',
        hardwareHashExtractionEnabled: false,
        outOfBoxExperienceSetting: {
          privacySettingsHidden: true,
          eulaHidden: true,
          userType: 'standard',
          deviceUsageType: 'singleUser',
          keyboardSelectionPageSkipped: true,
          escapeLinkHidden: true,
        },
      },
      subs: { assignments: someAssignments(c) },
    }),
  },
  'deviceManagement/assignmentFilters': {
    label: 'Filter',
    make: (c) => {
      const e = base(c, 'deviceAndAppManagementAssignmentFilter');
      delete e.roleScopeTagIds;
      return {
        entity: {
          ...e,
          platform: pick(c.rand, ['windows10AndLater', 'iOS', 'androidForWork']),
          rule: `(device.deviceName -startsWith "SYN${c.i % 10}")`,
          roleScopeTags: c.tags,
          payloads: [],
          assignmentFilterManagementType: 'devices',
        },
        subs: {},
      };
    },
  },
  'deviceManagement/roleScopeTags': {
    label: 'Tag',
    make: (c) => {
      const e = base(c, 'roleScopeTag');
      delete e.roleScopeTagIds;
      delete e.createdDateTime;
      delete e.lastModifiedDateTime;
      // The built-in "Default" tag always exists with id "0".
      if (c.i === 1)
        return {
          entity: { ...e, id: '0', displayName: 'Default', description: 'Built-in scope tag', isBuiltIn: true },
          subs: { assignments: [] },
        };
      return { entity: { ...e, isBuiltIn: false }, subs: { assignments: someAssignments(c) } };
    },
  },
  'deviceManagement/roleDefinitions': {
    label: 'Role',
    make: (c) => {
      const builtIn = c.i <= 2;
      const actions = [
        'Microsoft.Intune_DeviceConfigurations_Read',
        'Microsoft.Intune_DeviceConfigurations_Update',
        'Microsoft.Intune_DeviceCompliancePolices_Read',
      ];
      const e = base(c, 'deviceAndAppManagementRoleDefinition');
      delete e.createdDateTime;
      delete e.lastModifiedDateTime;
      return {
        entity: {
          ...e,
          isBuiltIn: builtIn,
          isBuiltInRoleDefinition: builtIn,
          rolePermissions: [
            {
              resourceActions: [
                { allowedResourceActions: actions.slice(0, 1 + (c.i % 3)), notAllowedResourceActions: [] },
              ],
            },
          ],
        },
        subs: {},
      };
    },
  },
  'deviceManagement/roleAssignments': {
    label: 'Role Assignment',
    make: (c) => {
      const e = base(c, 'deviceAndAppManagementRoleAssignment');
      delete e.createdDateTime;
      delete e.lastModifiedDateTime;
      return {
        entity: { ...e, members: [guidFrom(c.rand)], scopeMembers: [], resourceScopes: [], scopeType: 'allDevices' },
        subs: {},
        refs: { roleDefinition: { id: guidFrom(c.rand), displayName: `Synthetic role ${pad(c.i)}` } },
      };
    },
  },
  'deviceManagement/windowsFeatureUpdateProfiles': {
    label: 'Feature Update',
    make: (c) => ({
      entity: {
        ...base(c, 'windowsFeatureUpdateProfile'),
        featureUpdateVersion: pick(c.rand, ['Windows 11, version 23H2', 'Windows 11, version 24H2']),
        rolloutSettings: { offerStartDateTimeInUTC: null, offerEndDateTimeInUTC: null, offerIntervalInDays: null },
        deployableContentDisplayName: 'Windows 11, version 24H2',
        endOfSupportDate: '2026-10-13T00:00:00Z',
        installLatestWindows10OnWindows11IneligibleDevice: false,
      },
      subs: { assignments: someAssignments(c) },
    }),
  },
  'deviceManagement/windowsDriverUpdateProfiles': {
    label: 'Driver Update',
    make: (c) => ({
      entity: {
        ...base(c, 'windowsDriverUpdateProfile'),
        approvalType: pick(c.rand, ['manual', 'automatic']),
        deploymentDeferralInDays: c.i % 7,
        deviceReporting: 0,
        newUpdates: 0,
        inventorySyncStatus: null,
      },
      subs: { assignments: someAssignments(c) },
    }),
  },
  'deviceAppManagement/iosManagedAppProtections': {
    label: 'iOS APP',
    make: (c) => ({
      entity: {
        ...base(c, 'iosManagedAppProtection'),
        id: `T_${c.id}`,
        version: `"${guidFrom(c.rand)}"`,
        isAssigned: false,
        deployedAppCount: 2,
        pinRequired: true,
        minimumPinLength: 4,
        periodOfflineBeforeAccessCheck: 'PT12H',
      },
      subs: {
        assignments: [],
        apps: [
          {
            id: 'com.microsoft.office.outlook.ios',
            mobileAppIdentifier: {
              '@odata.type': '#microsoft.graph.iosMobileAppIdentifier',
              bundleId: 'com.microsoft.office.outlook',
            },
            version: '-1',
          },
        ],
      },
    }),
  },
  'deviceAppManagement/androidManagedAppProtections': {
    label: 'Android APP',
    make: (c) => ({
      entity: {
        ...base(c, 'androidManagedAppProtection'),
        id: `T_${c.id}`,
        version: `"${guidFrom(c.rand)}"`,
        isAssigned: false,
        deployedAppCount: 2,
        pinRequired: true,
        minimumPinLength: 4,
        periodOfflineBeforeAccessCheck: 'PT12H',
      },
      subs: {
        assignments: [],
        apps: [
          {
            id: 'com.microsoft.office.outlook.android',
            mobileAppIdentifier: {
              '@odata.type': '#microsoft.graph.androidMobileAppIdentifier',
              packageId: 'com.microsoft.office.outlook',
            },
            version: '-1',
          },
        ],
      },
    }),
  },
  'deviceAppManagement/managedAppPolicies': {
    label: 'App Config',
    make: (c) => ({
      entity: {
        ...base(c, 'targetedManagedAppConfiguration'),
        id: `A_${c.id}`,
        version: `"${guidFrom(c.rand)}"`,
        isAssigned: false,
        deployedAppCount: 0,
        customSettings: [{ name: 'com.microsoft.outlook.Mail.FocusedInbox', value: 'false' }],
      },
      subs: {},
    }),
  },
  'deviceAppManagement/mobileApps': {
    label: 'App',
    make: (c) => {
      const type = pick(c.rand, ['win32LobApp', 'iosStoreApp', 'androidManagedStoreApp', 'officeSuiteApp', 'webApp']);
      const e = base(c, type);
      delete e.lastModifiedDateTime;
      return {
        entity: {
          ...e,
          lastModifiedDateTime: c.modified,
          publisher: pick(c.rand, ['Microsoft', 'Contoso', 'Adobe', 'Zoom']),
          isAssigned: c.i % 3 !== 0,
          publishingState: 'published',
          isFeatured: false,
          privacyInformationUrl: null,
          informationUrl: null,
        },
        subs: {
          assignments:
            c.i % 3 === 0
              ? []
              : [
                  {
                    '@odata.type': '#microsoft.graph.mobileAppAssignment',
                    id: `${c.id}_1_0`,
                    intent: 'required',
                    target: target(c),
                    settings: null,
                  },
                ],
        },
      };
    },
  },
};

export const SYNTHETIC_COLLECTIONS: readonly string[] = Object.keys(MAKERS);

/** Adds `perType` objects to every collection the simulator knows. Returns how many were added. */
export function seedSynthetic(tenant: SimTenant, perType: number): number {
  let added = 0;
  for (const collection of Object.keys(MAKERS)) added += seedSyntheticCollection(tenant, collection, perType);
  return added;
}

/** Adds `count` objects to one collection (benchmarks with a realistic mix of types). */
export function seedSyntheticCollection(tenant: SimTenant, collection: string, count: number): number {
  let added = 0;
  const maker = MAKERS[collection];
  if (!maker) throw new Error(`no synthetic maker for ${collection}`);
  const { label, make } = maker;
  {
    const start = tenant.count(collection);
    const rand = seededRandom(`${tenant.tenantId}/${collection}/${start}`);
    for (let k = 1; k <= count; k++) {
      const i = start + k;
      const created = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000 + Math.floor(rand() * 3_600_000)).toISOString();
      const modified = new Date(Date.parse(created) + Math.floor(rand() * 90) * 86_400_000).toISOString();
      const ctx: Ctx = {
        rand,
        i,
        id: guidFrom(rand),
        name: `SYN - ${label} - ${pick(rand, AREAS)} - ${pad(i)}`,
        created,
        modified,
        tags: rand() > 0.8 ? ['0', '1'] : ['0'],
      };
      tenant.put(collection, make(ctx));
      added++;
    }
  }
  return added;
}

export function generateGroups(tenantId: string, count: number, startAt = 0): SimGroup[] {
  const rand = seededRandom(`${tenantId}/groups/${startAt}`);
  const out: SimGroup[] = [];
  for (let k = 1; k <= count; k++) {
    const i = startAt + k;
    const ring = pick(rand, RINGS);
    const kind = pick(rand, ['Devices', 'Users', 'Admins']);
    const flavour = rand();
    const unified = flavour > 0.85;
    const dynamic = !unified && flavour > 0.6;
    const displayName = unified ? `M365-${ring}-Team-${pad(i)}` : `SG-Intune-${ring}-${kind}-${pad(i)}`;
    const nick = displayName.toLowerCase().replace(/[^a-z0-9]/g, '');
    out.push({
      id: guidFrom(rand),
      displayName,
      description: unified
        ? `${ring} team workspace`
        : `Intune ${ring.toLowerCase()} ${kind.toLowerCase()} (${dynamic ? 'dynamic' : 'assigned'})`,
      mail: unified ? `${nick}@example.test` : null,
      mailNickname: nick,
      mailEnabled: unified,
      securityEnabled: !unified,
      groupTypes: unified ? ['Unified'] : dynamic ? ['DynamicMembership'] : [],
      membershipRule: dynamic
        ? kind === 'Devices'
          ? `(device.devicePhysicalIds -any (_ -eq "[OrderID]:${ring}"))`
          : `(user.department -eq "${ring}")`
        : null,
      createdDateTime: new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString(),
    });
  }
  return out;
}
