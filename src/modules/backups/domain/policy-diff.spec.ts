import { getContract } from '../../../infrastructure/graph';
import { contentHash, canonicalPayload } from './canonical-form';
import { isJsonObject, type JsonObject } from './natural-key';
import { diffPolicies, type DiffLookups } from './policy-diff';
import { loadGoldenFixtures, shuffledCopy } from './testing/golden-fixtures';

const GROUPS: Record<string, string> = {
  'a1b2c3d4-0000-4000-8000-000000000001': 'Pilot devices',
  'a1b2c3d4-0000-4000-8000-000000000002': 'Break-glass accounts',
  'a1b2c3d4-0000-4000-8000-000000000003': 'Finance users',
};
const lookups: DiffLookups = {
  settingLabel: (id) => `Label of ${id}`,
  groupName: (id) => GROUPS[id],
};

const target = (type: string, extra: JsonObject = {}) => ({ '@odata.type': `#microsoft.graph.${type}`, ...extra });
const ASSIGNMENTS = [
  {
    id: 'x_1',
    source: 'direct',
    sourceId: 'p',
    target: target('groupAssignmentTarget', {
      groupId: 'a1b2c3d4-0000-4000-8000-000000000001',
      deviceAndAppManagementAssignmentFilterType: 'none',
    }),
  },
  { id: 'x_2', target: target('exclusionGroupAssignmentTarget', { groupId: 'a1b2c3d4-0000-4000-8000-000000000002' }) },
  {
    id: 'x_3',
    target: target('allDevicesAssignmentTarget', {
      deviceAndAppManagementAssignmentFilterId: 'f-1',
      deviceAndAppManagementAssignmentFilterType: 'include',
    }),
  },
];

/**
 * The first setting at any depth with a plain value: `[path, definition id, value object]`. Inside a group
 * collection the item's position is `[*]` (the canonical order decides it); a collection value counts as plain.
 */
function firstPlainSetting(items: unknown[], path = 'settings'): [string, string, JsonObject, boolean] | undefined {
  for (const item of items) {
    if (!isJsonObject(item)) continue;
    const instance = (isJsonObject(item.settingInstance) ? item.settingInstance : item) as JsonObject;
    const id = String(instance.settingDefinitionId);
    if (Array.isArray(instance.simpleSettingCollectionValue)) {
      return [`${path}[${id}]`, id, instance.simpleSettingCollectionValue[0] as JsonObject, true];
    }
    if (Array.isArray(instance.groupSettingCollectionValue)) {
      const group = instance.groupSettingCollectionValue[0] as JsonObject;
      const nested = firstPlainSetting(group.children as unknown[], `${path}[${id}][*].children`);
      if (nested) return nested;
    }
    const value = instance.choiceSettingValue ?? instance.simpleSettingValue;
    if (!isJsonObject(value)) continue;
    if (['string', 'number'].includes(typeof value.value)) return [`${path}[${id}]`, id, value, false];
    const nested = Array.isArray(value.children)
      ? firstPlainSetting(value.children, `${path}[${id}].children`)
      : undefined;
    if (nested) return nested;
  }
  return undefined;
}

describe('diffPolicies', () => {
  it('keys settings by definition id, labels them, and makes one changed setting one row', () => {
    const policy = (backupDirectory: string, age: number) => ({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
      name: 'LAPS',
      settings: [
        {
          id: '0',
          settingInstance: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
            settingDefinitionId: 'laps_backupdirectory',
            choiceSettingValue: {
              '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingValue',
              value: backupDirectory,
              children: [
                {
                  '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance',
                  settingDefinitionId: 'laps_passwordagedays',
                  simpleSettingValue: {
                    '@odata.type': '#microsoft.graph.deviceManagementConfigurationIntegerSettingValue',
                    value: age,
                  },
                },
              ],
            },
          },
        },
      ],
    });
    expect(
      diffPolicies('settingsCatalogPolicy', { payload: policy('b_1', 7) }, { payload: policy('b_2', 7) }, lookups),
    ).toEqual([
      {
        path: 'settings[laps_backupdirectory]',
        label: 'Label of laps_backupdirectory',
        kind: 'changed',
        left: 'b_1',
        right: 'b_2',
      },
    ]);
    expect(
      diffPolicies('settingsCatalogPolicy', { payload: policy('b_1', 7) }, { payload: policy('b_1', 30) }),
    ).toEqual([
      {
        path: 'settings[laps_backupdirectory].children[laps_passwordagedays]',
        label: 'laps_passwordagedays',
        kind: 'changed',
        left: 7,
        right: 30,
      },
    ]);
  });

  it('shows an added or removed setting once, with its value and children as a human reads them', () => {
    const setting = (id: string, value: string, children: unknown[] = []) => ({
      settingInstance: {
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
        settingDefinitionId: id,
        choiceSettingValue: {
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingValue',
          value,
          children,
        },
      },
    });
    const child = {
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance',
      settingDefinitionId: 'c',
      simpleSettingValue: {
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationStringSettingValue',
        value: 'v',
      },
    };
    const rows = diffPolicies(
      'settingsCatalogPolicy',
      { payload: { settings: [setting('a', 'a_1')] } },
      { payload: { settings: [setting('a', 'a_1'), setting('b', 'b_1', [child])] } },
    );
    expect(rows).toEqual([
      {
        path: 'settings[b]',
        label: 'b',
        kind: 'added',
        left: undefined,
        right: { value: 'b_1', children: { c: 'v' } },
      },
    ]);
  });

  it('compares collection values and plain lists as sets, and null, "" and [] as equal', () => {
    const coll = (values: string[]) => ({
      settings: [
        {
          settingInstance: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionInstance',
            settingDefinitionId: 'exclusions',
            simpleSettingCollectionValue: values.map((value) => ({
              '@odata.type': '#microsoft.graph.deviceManagementConfigurationStringSettingValue',
              value,
            })),
          },
        },
      ],
      roleScopeTagIds: ['0', '1'],
      description: null,
    });
    expect(
      diffPolicies(
        'settingsCatalogPolicy',
        { payload: coll(['a', 'b']) },
        { payload: { ...coll(['b', 'a']), roleScopeTagIds: ['1', '0'], description: '' } },
      ),
    ).toEqual([]);
    expect(diffPolicies('settingsCatalogPolicy', { payload: coll(['a', 'b']) }, { payload: coll(['b', 'c']) })).toEqual(
      [{ path: 'settings[exclusions]', label: 'exclusions', kind: 'changed', left: ['a', 'b'], right: ['b', 'c'] }],
    );
    expect(
      diffPolicies(
        'iosManagedAppProtection',
        { payload: { allowedDataStorageLocations: [] } },
        { payload: { allowedDataStorageLocations: null } },
      ),
    ).toEqual([]);
  });

  it('matches OMA-URI settings by OMA-URI and labels them by display name', () => {
    const oma = (value: string, order: 'ab' | 'ba') => {
      const a = { id: '1', displayName: 'Setting A', omaUri: './Vendor/A', value };
      const b = { id: '2', displayName: 'Setting B', omaUri: './Vendor/B', value: 'same' };
      return { displayName: 'Custom', omaSettings: order === 'ab' ? [a, b] : [b, a] };
    };
    expect(diffPolicies('deviceConfiguration', { payload: oma('1', 'ab') }, { payload: oma('2', 'ba') })).toEqual([
      { path: 'omaSettings[./Vendor/A].value', label: 'Setting A › value', kind: 'changed', left: '1', right: '2' },
    ]);
  });

  it('diffs group collections item by item', () => {
    const rule = (name: string, action: string) => ({
      children: [
        {
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance',
          settingDefinitionId: 'rule_name',
          simpleSettingValue: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationStringSettingValue',
            value: name,
          },
        },
        {
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
          settingDefinitionId: 'rule_action',
          choiceSettingValue: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingValue',
            value: action,
          },
        },
      ],
    });
    const firewall = (rules: unknown[]) => ({
      settings: [
        {
          settingInstance: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance',
            settingDefinitionId: 'rules',
            groupSettingCollectionValue: rules,
          },
        },
      ],
    });
    const rows = diffPolicies(
      'settingsCatalogPolicy',
      { payload: firewall([rule('web', 'allow'), rule('ssh', 'allow')]) },
      { payload: firewall([rule('ssh', 'block'), rule('web', 'allow')]) },
      lookups,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ label: 'Label of rule_action', kind: 'changed', left: 'allow', right: 'block' });
    expect(rows[0].path).toMatch(/^settings\[rules\]\[\d\]\.children\[rule_action\]$/);
  });

  it('shows assignment changes by target with the group name, and nothing else', () => {
    const payload = { displayName: 'P' };
    const moved = [
      ASSIGNMENTS[1],
      {
        ...ASSIGNMENTS[2],
        target: { ...ASSIGNMENTS[2].target, deviceAndAppManagementAssignmentFilterType: 'exclude' },
      },
      { id: 'new', target: target('groupAssignmentTarget', { groupId: 'a1b2c3d4-0000-4000-8000-000000000003' }) },
    ];
    const rows = diffPolicies(
      'deviceConfiguration',
      { payload, assignments: ASSIGNMENTS },
      { payload, assignments: moved },
      lookups,
    );
    expect(rows.map((r) => [r.kind, r.label])).toEqual([
      ['changed', 'Assignment: include all devices'],
      ['removed', 'Assignment: include group "Pilot devices"'],
      ['added', 'Assignment: include group "Finance users"'],
    ]);
    expect(rows[2]).toMatchObject({
      path: 'assignments[group:a1b2c3d4-0000-4000-8000-000000000003]',
      right: { target: { groupId: 'a1b2c3d4-0000-4000-8000-000000000003', groupName: 'Finance users' } },
    });
    // Without a name the id stands in.
    expect(
      diffPolicies('deviceConfiguration', { payload, assignments: [] }, { payload, assignments: [ASSIGNMENTS[1]] })[0]
        .label,
    ).toBe('Assignment: exclude group "a1b2c3d4-0000-4000-8000-000000000002"');
  });
});

describe('secrets in diffs', () => {
  it('shows a changed secret setting as changed, never its placeholder or token', () => {
    const policy = (token: string) => ({
      settings: [
        {
          settingInstance: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance',
            settingDefinitionId: 'vpn_presharedkey',
            simpleSettingValue: {
              '@odata.type': '#microsoft.graph.deviceManagementConfigurationSecretSettingValue',
              value: token,
              valueState: 'encryptedValueToken',
            },
          },
        },
      ],
    });
    const rows = diffPolicies('settingsCatalogPolicy', { payload: policy('tok-1') }, { payload: policy('tok-2') });
    expect(rows).toEqual([
      {
        path: 'settings[vpn_presharedkey]',
        label: 'vpn_presharedkey',
        kind: 'changed',
        left: '[secret]',
        right: '[secret]',
      },
    ]);
    expect(
      JSON.stringify(diffPolicies('settingsCatalogPolicy', { payload: {} }, { payload: policy('tok-3') })),
    ).not.toContain('tok-3');
  });
});

describe('golden: the 72 OpenIntuneBaseline policies against shuffled copies', () => {
  const fixtures = loadGoldenFixtures();
  const cases = fixtures.map((f) => [f.file, f] as const);

  it('reads all 72', () => expect(fixtures).toHaveLength(72));

  it.each(cases)('%s: nothing changed → no rows, and the same hash', (_file, f) => {
    const left = { payload: f.payload, assignments: ASSIGNMENTS };
    expect(diffPolicies(f.typeKey, left, left, lookups)).toEqual([]);
    const copy = { payload: shuffledCopy(f.payload, 7), assignments: shuffledCopy(ASSIGNMENTS, 7) };
    expect(diffPolicies(f.typeKey, left, copy, lookups)).toEqual([]);
    expect(contentHash(canonicalPayload(f.typeKey, copy.payload))).toBe(
      contentHash(canonicalPayload(f.typeKey, f.payload)),
    );
  });

  it.each(cases)('%s: one changed setting → exactly that row', (_file, f) => {
    const copy = shuffledCopy(f.payload, 11) as JsonObject;
    let path: string;
    let label: string;
    let before: unknown;
    if (Array.isArray(copy.settings)) {
      const [settingPath, id, value, collection] = firstPlainSetting(copy.settings)!;
      const old = value.value;
      value.value = typeof old === 'number' ? old + 1 : `${String(old)}_changed`;
      // A collection value shows the whole set on each side.
      before = collection ? expect.arrayContaining([old]) : old;
      path = settingPath;
      label = `Label of ${id}`;
    } else {
      const readOnly = getContract(f.typeKey).readOnlyFields;
      const editable = (k: string) => !readOnly.includes(k) && !k.includes('@odata') && !k.startsWith('#');
      const key =
        Object.keys(copy).find((k) => editable(k) && typeof copy[k] === 'boolean') ??
        Object.keys(copy).find((k) => editable(k) && typeof copy[k] === 'number') ??
        Object.keys(copy).find((k) => editable(k) && k !== 'displayName' && typeof copy[k] === 'string')!;
      before = copy[key];
      copy[key] =
        typeof before === 'boolean' ? !before : typeof before === 'number' ? before + 1 : `${String(before)}_x`;
      path = key;
      label = key;
    }
    const rows = diffPolicies(f.typeKey, { payload: f.payload }, { payload: copy }, lookups);
    const pathPattern = new RegExp(
      `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\[\\\*\\\]/g, '\\[\\d+\\]')}$`,
    );
    expect(rows).toEqual([
      { path: expect.stringMatching(pathPattern), label, kind: 'changed', left: before, right: expect.anything() },
    ]);
  });

  it.each(cases)('%s: assignments only → only the assignment row, with the group name', (_file, f) => {
    const copy = shuffledCopy(f.payload, 5);
    const assignments = [
      ...ASSIGNMENTS,
      { id: 'n', target: target('groupAssignmentTarget', { groupId: 'a1b2c3d4-0000-4000-8000-000000000003' }) },
    ];
    const rows = diffPolicies(
      f.typeKey,
      { payload: f.payload, assignments: ASSIGNMENTS },
      { payload: copy, assignments },
      lookups,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'added',
        label: 'Assignment: include group "Finance users"',
        path: 'assignments[group:a1b2c3d4-0000-4000-8000-000000000003]',
      }),
    ]);
  });
});
