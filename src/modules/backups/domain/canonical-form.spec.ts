import { createHash } from 'node:crypto';
import { canonicalAssignments, canonicalPayload, contentHash } from './canonical-form';
import { canonicalJson } from './rfc8785';
import { loadGoldenFixtures, shuffledCopy } from './testing/golden-fixtures';

const setting = (definitionId: string, value: string, children: unknown[] = []) => ({
  '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
  id: String(Math.random()),
  settingInstance: {
    '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
    settingDefinitionId: definitionId,
    settingInstanceTemplateReference: null,
    choiceSettingValue: { value, children },
  },
});

describe('canonicalPayload', () => {
  it('drops ids, timestamps, version, counts and OData control information; keeps @odata.type and scope tags', () => {
    const canonical = canonicalPayload('settingsCatalogPolicy', {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies/$entity',
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
      '@odata.id': "deviceManagement/configurationPolicies('x')",
      id: 'b0fa4e4d-a312-4533-ab54-e340cb0656d5',
      name: 'P',
      createdDateTime: '2023-08-09T15:01:36Z',
      'createdDateTime@odata.type': '#DateTimeOffset',
      lastModifiedDateTime: '2024-12-05T19:37:03Z',
      settingCount: 5,
      creationSource: 'x',
      isAssigned: true,
      roleScopeTagIds: ['0'],
      '#microsoft.graph.assign': { title: 'microsoft.graph.assign', target: 'https://…' },
      'settings@odata.context': 'https://…',
      settings: [setting('a', 'a_1')],
      assignments: [{ id: 'x', target: { groupId: 'g' } }],
    });
    expect(canonical).toEqual({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
      name: 'P',
      roleScopeTagIds: ['0'],
      settings: [
        {
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
          settingInstance: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
            settingDefinitionId: 'a',
            choiceSettingValue: { value: 'a_1' },
          },
        },
      ],
    });
  });

  it('treats null, "", [] and {} as absent, but keeps false and 0', () => {
    const a = canonicalPayload('deviceConfiguration', { displayName: 'P', description: '', x: null, y: [], z: {} });
    const b = canonicalPayload('deviceConfiguration', { displayName: 'P', f: false, n: 0 });
    expect(a).toEqual({ displayName: 'P' });
    expect(b).toEqual({ displayName: 'P', f: false, n: 0 });
  });

  it('never touches the payload it is given (empty and one-item arrays stay arrays)', () => {
    const payload = { id: 'x', displayName: 'P', roleScopeTagIds: ['0'], exemptedAppPackages: [], description: null };
    const before = JSON.stringify(payload);
    canonicalPayload('iosManagedAppProtection', payload);
    expect(JSON.stringify(payload)).toBe(before);
  });

  it('orders settings and their children by setting definition id, and primitive lists as sets', () => {
    const left = canonicalPayload('settingsCatalogPolicy', {
      settings: [
        setting('b', 'b_1', [setting('b2', 'x').settingInstance, setting('b1', 'y').settingInstance]),
        setting('a', 'a_0'),
      ],
      roleScopeTagIds: ['2', '0'],
    });
    const right = canonicalPayload('settingsCatalogPolicy', {
      settings: [
        setting('a', 'a_0'),
        setting('b', 'b_1', [setting('b1', 'y').settingInstance, setting('b2', 'x').settingInstance]),
      ],
      roleScopeTagIds: ['0', '2'],
    });
    expect(left).toEqual(right);
    const settings = (left as { settings: Array<{ settingInstance: { settingDefinitionId: string } }> }).settings;
    expect(settings.map((s) => s.settingInstance.settingDefinitionId)).toEqual(['a', 'b']);
  });

  it('keeps the sub-resources a backup reads on purpose (app protection apps), drops the read-only counts', () => {
    const canonical = canonicalPayload('iosManagedAppProtection', {
      displayName: 'P',
      deployedAppCount: 12,
      apps: [
        {
          id: 'com.b.ios',
          version: '-207',
          mobileAppIdentifier: { '@odata.type': '#microsoft.graph.iosMobileAppIdentifier', bundleId: 'com.b' },
        },
        {
          id: 'com.a.ios',
          version: '830',
          mobileAppIdentifier: { '@odata.type': '#microsoft.graph.iosMobileAppIdentifier', bundleId: 'com.a' },
        },
      ],
    }) as Record<string, unknown>;
    expect(canonical.deployedAppCount).toBeUndefined();
    // A GET on the type URL omits @odata.type; the canonical form has it either way.
    expect(canonical['@odata.type']).toBe('#microsoft.graph.iosManagedAppProtection');
    expect(canonical.apps).toEqual([
      { mobileAppIdentifier: { '@odata.type': '#microsoft.graph.iosMobileAppIdentifier', bundleId: 'com.a' } },
      { mobileAppIdentifier: { '@odata.type': '#microsoft.graph.iosMobileAppIdentifier', bundleId: 'com.b' } },
    ]);
  });

  it('drops the ids of collection items but keeps the id of a referenced definition', () => {
    const canonical = canonicalPayload('groupPolicyConfiguration', {
      displayName: 'ADMX',
      definitionValues: [{ id: 'dv-1', enabled: true, definition: { id: 'def-1', displayName: 'Turn off X' } }],
    });
    expect(canonical).toEqual({
      '@odata.type': '#microsoft.graph.groupPolicyConfiguration',
      displayName: 'ADMX',
      definitionValues: [{ enabled: true, definition: { id: 'def-1', displayName: 'Turn off X' } }],
    });
  });

  it('applies the generic rules to a type it does not know', () => {
    expect(canonicalPayload('somethingNew', { id: 'x', displayName: 'P', list: ['b', 'a'] })).toEqual({
      displayName: 'P',
      list: ['a', 'b'],
    });
  });
});

describe('canonicalAssignments', () => {
  const group = (groupId: string, extra: Record<string, unknown> = {}) => ({
    '@odata.type': '#microsoft.graph.groupAssignmentTarget',
    groupId,
    ...extra,
  });

  it('drops ids and "no filter" noise, and sorts by target type, group and filter', () => {
    const canonical = canonicalAssignments([
      {
        id: 'a2',
        source: 'direct',
        sourceId: 'p',
        target: group('g2', {
          deviceAndAppManagementAssignmentFilterType: 'none',
          deviceAndAppManagementAssignmentFilterId: null,
        }),
      },
      { id: 'a1', target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g1' } },
      {
        id: 'a3',
        target: group('g1', { deviceAndAppManagementAssignmentFilterId: '00000000-0000-0000-0000-000000000000' }),
      },
    ]);
    expect(canonical).toEqual([
      { target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g1' } },
      { target: group('g1') },
      { target: group('g2') },
    ]);
  });

  it('keeps the filter and the type-specific fields', () => {
    const [one] = canonicalAssignments([
      {
        id: 'x',
        intent: 'required',
        target: group('g', {
          deviceAndAppManagementAssignmentFilterId: 'f',
          deviceAndAppManagementAssignmentFilterType: 'include',
        }),
      },
    ]);
    expect(one).toEqual({
      intent: 'required',
      target: group('g', {
        deviceAndAppManagementAssignmentFilterId: 'f',
        deviceAndAppManagementAssignmentFilterType: 'include',
      }),
    });
  });

  it('treats a missing assignment list as none', () => {
    expect(canonicalAssignments(null)).toEqual([]);
    expect(contentHash(canonicalAssignments(undefined))).toBe(contentHash(canonicalAssignments([])));
  });
});

describe('contentHash', () => {
  it('is the SHA-256 of the RFC 8785 text', () => {
    expect(canonicalJson({ b: 1, a: [1e21, 0.1, 'é'] })).toBe('{"a":[1e+21,0.1,"é"],"b":1}');
    expect(contentHash({ b: 1, a: 2 })).toBe(createHash('sha256').update('{"a":2,"b":1}').digest('hex'));
  });
});

describe('golden: the 72 OpenIntuneBaseline policies', () => {
  const fixtures = loadGoldenFixtures();

  it('reads all 72', () => {
    expect(fixtures).toHaveLength(72);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))(
    '%s hashes the same with new ids, timestamps and order',
    (_file, f) => {
      const original = contentHash(canonicalPayload(f.typeKey, f.payload));
      for (const seed of [1, 2, 3]) {
        const copy = shuffledCopy(f.payload, seed);
        expect(JSON.stringify(copy)).not.toBe(JSON.stringify(f.payload));
        expect(contentHash(canonicalPayload(f.typeKey, copy))).toBe(original);
      }
      // ... while a real change hashes differently.
      const changed = { ...f.payload, description: `${String(f.payload.description ?? '')} (changed)` };
      expect(contentHash(canonicalPayload(f.typeKey, changed))).not.toBe(original);
    },
  );
});
