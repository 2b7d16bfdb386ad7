import { getContract } from '../../../infrastructure/graph';
import { comparedSides } from './comparable';
import { dependencyRank, inDependencyOrder } from './dependency-order';
import { assignmentBodies, mapPayloadIds, mappingKey, resolveReference, unmappedReasons } from './mapping';
import { fingerprintOf, matchItem } from './matching';
import { planHash, type HashedPlan } from './plan-hash';
import { preflightReasons, templateIdsOf } from './preflight';
import { MAM_ALL_USERS_GROUP, referencesOf } from './references';
import type { MappingEntry, SourceItem, TargetObject } from './restore-model';
import { writeBody } from './write-payload';

const T = (id: string, name: string, odataType: string | null = '#x'): TargetObject => ({
  id,
  name,
  odataType,
  fingerprint: 'f',
});

describe('matching', () => {
  const item = { sourceId: 'src', name: 'Baseline', odataType: '#x' };

  it('same tenant: the original id first, then name + @odata.type', () => {
    expect(matchItem(item, true, [T('other', 'Baseline'), T('src', 'Renamed')], null)).toMatchObject({
      kind: 'match',
      by: 'originalId',
      target: { id: 'src' },
    });
    expect(matchItem(item, true, [T('other', 'Baseline')], null)).toMatchObject({ kind: 'match', by: 'name' });
    expect(matchItem(item, true, [T('other', 'Baseline', '#y')], null)).toEqual({ kind: 'none' });
  });

  it('another tenant: the ledger first (never the source id), then name', () => {
    const targets = [T('src', 'Something else'), T('led', 'Renamed since'), T('n', 'Baseline')];
    expect(matchItem(item, false, targets, 'led')).toMatchObject({ by: 'ledger', target: { id: 'led' } });
    expect(matchItem(item, false, targets, null)).toMatchObject({ by: 'name', target: { id: 'n' } });
    // A ledger entry whose object was deleted falls back to the name.
    expect(matchItem(item, false, targets, 'gone')).toMatchObject({ by: 'name' });
  });

  it('more than one object with the name and type is ambiguous', () => {
    expect(matchItem(item, false, [T('a', 'Baseline'), T('b', 'Baseline')], null)).toEqual({
      kind: 'ambiguous',
      count: 2,
      name: 'Baseline',
    });
  });

  it('fingerprints change with lastModifiedDateTime or version', () => {
    expect(fingerprintOf({ lastModifiedDateTime: 'a', version: 1 })).not.toBe(
      fingerprintOf({ lastModifiedDateTime: 'a', version: 2 }),
    );
  });
});

describe('references and mapping', () => {
  const group = (groupId: string, filter?: string) => ({
    target: {
      '@odata.type': '#microsoft.graph.groupAssignmentTarget',
      groupId,
      deviceAndAppManagementAssignmentFilterId: filter ?? null,
      deviceAndAppManagementAssignmentFilterType: filter ? 'exclude' : 'none',
    },
  });

  it('collects groups, filters, CC-list groups and scope tags, skipping virtual targets and Default', () => {
    const refs = referencesOf(
      'deviceCompliancePolicy',
      {
        roleScopeTagIds: ['0', '7'],
        scheduledActionsForRule: [
          { scheduledActionConfigurations: [{ actionType: 'notification', notificationMessageCCList: ['cc'] }] },
        ],
      },
      [
        group('g1', 'f1'),
        group(MAM_ALL_USERS_GROUP),
        { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } },
        { source: 'policySets', target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'ps' } },
      ],
    );
    expect(refs).toEqual([
      { kind: 'group', sourceId: 'g1' },
      { kind: 'filter', sourceId: 'f1' },
      { kind: 'group', sourceId: 'cc' },
      { kind: 'scopeTag', sourceId: '7' },
    ]);
  });

  it('maps groups by same id, then unique name (case-insensitive), else unmapped; filters by exact name or plan', () => {
    const groups = {
      existing: [
        { id: 'g1', name: 'A' },
        { id: 'x', name: 'Sales' },
        { id: 'y', name: 'Dup' },
        { id: 'z', name: 'dup' },
      ],
      planned: new Set<string>(),
    };
    expect(resolveReference({ kind: 'group', sourceId: 'g1' }, 'A', groups)).toMatchObject({
      targetId: 'g1',
      foundBy: 'sameId',
    });
    expect(resolveReference({ kind: 'group', sourceId: 's' }, 'sales', groups)).toMatchObject({
      targetId: 'x',
      foundBy: 'name',
    });
    expect(resolveReference({ kind: 'group', sourceId: 's' }, 'Dup', groups)).toMatchObject({
      targetId: null,
      foundBy: 'none',
      note: expect.stringContaining('ambiguous'),
    });
    expect(resolveReference({ kind: 'group', sourceId: 's' }, null, groups)).toMatchObject({ foundBy: 'none' });
    const filters = { existing: [{ id: 'tf', name: 'Corp' }], planned: new Set(['New filter']) };
    expect(resolveReference({ kind: 'filter', sourceId: 'f' }, 'Corp', filters)).toMatchObject({ targetId: 'tf' });
    expect(resolveReference({ kind: 'filter', sourceId: 'f' }, 'corp', filters)).toMatchObject({ foundBy: 'none' });
    expect(resolveReference({ kind: 'filter', sourceId: 'f' }, 'New filter', filters)).toMatchObject({
      targetId: null,
      foundBy: 'planned',
    });
    const ledger = { ...filters, ledger: new Map([['f', 'tf']]) };
    expect(resolveReference({ kind: 'filter', sourceId: 'f' }, 'Renamed since', ledger)).toMatchObject({
      targetId: 'tf',
      foundBy: 'ledger',
    });
    expect(resolveReference({ kind: 'scopeTag', sourceId: '0' }, 'Default', filters)).toMatchObject({
      targetId: '0',
      foundBy: 'builtIn',
    });
  });

  it('an unmapped group or filter is a reason; a planned one is not', () => {
    const entry = (
      kind: MappingEntry['kind'],
      sourceId: string,
      targetId: string | null,
      foundBy: MappingEntry['foundBy'],
    ): [string, MappingEntry] => [
      mappingKey(kind, sourceId),
      { kind, sourceId, sourceName: `n-${sourceId}`, targetId, foundBy, note: null },
    ];
    const mappings = new Map([
      entry('group', 'g', 't', 'name'),
      entry('filter', 'f', null, 'none'),
      entry('filter', 'p', null, 'planned'),
    ]);
    expect(
      unmappedReasons(
        [
          { kind: 'group', sourceId: 'g' },
          { kind: 'filter', sourceId: 'f' },
          { kind: 'filter', sourceId: 'p' },
          { kind: 'group', sourceId: 'missing' },
        ],
        mappings,
      ),
    ).toEqual(['unmapped filter "n-f" (f)', 'unmapped group (missing)']);
  });

  it('writes assignments in the minimal shape with mapped ids and never drops a filter', () => {
    const resolve = (kind: string, id: string) => `${kind}:${id}`;
    expect(
      assignmentBodies(
        'settingsCatalogPolicy',
        [{ id: 'x', source: 'direct', sourceId: 'p', target: { ...group('g', 'f').target, extra: 1 } }],
        resolve,
      ),
    ).toEqual([
      {
        target: {
          '@odata.type': '#microsoft.graph.groupAssignmentTarget',
          groupId: 'group:g',
          deviceAndAppManagementAssignmentFilterId: 'filter:f',
          deviceAndAppManagementAssignmentFilterType: 'exclude',
        },
      },
    ]);
    expect(
      assignmentBodies(
        'deviceHealthScript',
        [{ ...group('g'), runRemediationScript: true, runSchedule: { interval: 1 }, id: 'i' }],
        resolve,
      ),
    ).toEqual([
      {
        target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'group:g' },
        runRemediationScript: true,
        runSchedule: { interval: 1 },
      },
    ]);
    expect(
      assignmentBodies(
        'iosManagedAppProtection',
        [
          { target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } },
          { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } },
        ],
        resolve,
      ),
    ).toEqual([{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: MAM_ALL_USERS_GROUP } }]);
  });

  it('maps scope tags (keeping Default) and compliance CC lists in the body', () => {
    const resolve = (kind: string, id: string) => `${kind}:${id}`;
    expect(
      mapPayloadIds(
        'deviceCompliancePolicy',
        {
          roleScopeTagIds: ['0', '5'],
          scheduledActionsForRule: [{ scheduledActionConfigurations: [{ notificationMessageCCList: ['g'] }] }],
        },
        resolve,
      ),
    ).toEqual({
      roleScopeTagIds: ['0', 'scopeTag:5'],
      scheduledActionsForRule: [{ scheduledActionConfigurations: [{ notificationMessageCCList: ['group:g'] }] }],
    });
  });
});

describe('write bodies', () => {
  it('strips read-only fields per contract, control information and child ids at every depth, keeps binds', () => {
    const contract = getContract('settingsCatalogPolicy');
    const body = writeBody(
      contract,
      {
        '@odata.context': 'ctx',
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
        id: 'p',
        name: 'P',
        settingCount: 1,
        createdDateTime: 'c',
        'settings@odata.context': 'x',
        assignments: [{ id: 'a' }],
        'role@odata.bind': 'keep',
        settings: [
          {
            id: '0',
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
            settingInstance: { 'settingDefinitionId@odata.type': '#String', settingDefinitionId: 'd', children: [] },
          },
        ],
      },
      ['settings'],
    );
    expect(body).toEqual({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
      name: 'P',
      'role@odata.bind': 'keep',
      settings: [
        {
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
          settingInstance: { settingDefinitionId: 'd', children: [] },
        },
      ],
    });
    expect(writeBody(contract, { name: 'P', settings: [] })).toEqual({ name: 'P' });
  });

  it('compares the backup as restore writes it (mapped ids, write-shaped assignments) with the live object', () => {
    const resolve = (kind: string, id: string) => `${kind}:${id}`;
    const group = (id: string) => ({ '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: id });
    const source = {
      payload: { name: 'P', roleScopeTagIds: ['0', '7'] },
      assignments: [
        { id: 'a1', source: 'direct', target: group('g') },
        { id: 'a2', source: 'policySets', target: group('h') },
      ],
    };
    const live = { id: 'x', name: 'P', assignments: [{ id: 'b1', source: 'direct', target: group('group:g') }] };
    const sides = comparedSides('settingsCatalogPolicy', source, live, resolve, true);
    expect(sides.left).toEqual({
      payload: { name: 'P', roleScopeTagIds: ['0', 'scopeTag:7'] },
      assignments: [{ target: group('group:g') }],
    });
    // The live side keeps its ids (they are the target's) and the same write shape.
    expect(sides.right).toEqual({ payload: live, assignments: [{ target: group('group:g') }] });
    // Without assignments, or for a type that has none, neither side has any.
    expect(comparedSides('settingsCatalogPolicy', source, live, resolve, false).left.assignments).toEqual([]);
    expect(comparedSides('roleDefinition', source, live, resolve, true).right.assignments).toEqual([]);
  });
});

describe('order, pre-flight and hash', () => {
  it('orders scope tags → filters → roles → certificate chains → policies', () => {
    const item = (typeKey: string, odataType: string | null, displayName = 'a') => ({
      typeKey,
      odataType,
      displayName,
      sourceId: displayName,
    });
    const ordered = inDependencyOrder([
      item('settingsCatalogPolicy', null),
      item('deviceConfiguration', '#microsoft.graph.windowsWifiEnterpriseEAPConfiguration'),
      item('deviceConfiguration', '#microsoft.graph.windows81TrustedRootCertificate'),
      item('deviceConfiguration', '#microsoft.graph.windows81SCEPCertificateProfile'),
      item('assignmentFilter', null),
      item('roleScopeTag', null),
    ]);
    expect(ordered.map((i) => `${i.typeKey}${i.odataType ? `/${i.odataType.split('.').pop()}` : ''}`)).toEqual([
      'roleScopeTag',
      'assignmentFilter',
      'deviceConfiguration/windows81TrustedRootCertificate',
      'deviceConfiguration/windows81SCEPCertificateProfile',
      'deviceConfiguration/windowsWifiEnterpriseEAPConfiguration',
      'settingsCatalogPolicy',
    ]);
    expect(dependencyRank({ typeKey: 'unknown', odataType: null })).toBeGreaterThan(60);
  });

  const source = (over: Partial<SourceItem> = {}): SourceItem => ({
    id: 'i',
    tenantId: 't',
    typeKey: 'settingsCatalogPolicy',
    sourceId: 's',
    displayName: 'P',
    odataType: null,
    payload: {},
    assignments: [],
    needsSecretReentry: false,
    secretPaths: [],
    ...over,
  });

  it('pre-flight: write permission, secrets, template versions, custom ADMX, unrestorable apps', () => {
    const ctx = { canWrite: true, sameTenant: false, templates: new Map<string, string | null>() };
    expect(preflightReasons(source(), { ...ctx, contract: getContract('settingsCatalogPolicy') })).toEqual([]);
    expect(
      preflightReasons(source({ needsSecretReentry: true, secretPaths: ['omaSettings[0].value'] }), {
        ...ctx,
        canWrite: false,
        contract: getContract('settingsCatalogPolicy'),
      }),
    ).toEqual([
      expect.stringContaining('missing write permission'),
      'secret values need re-entry (the backup holds placeholders): omaSettings[0].value',
    ]);
    const templated = (templateId: string) => source({ payload: { templateReference: { templateId } } });
    const templates = new Map([
      ['gone_1', null],
      ['old_1', 'superseded'],
      ['new_2', 'active'],
    ]);
    const catalog = { ...ctx, templates, contract: getContract('settingsCatalogPolicy') };
    expect(preflightReasons(templated('gone_1'), catalog)).toEqual([
      'settings-catalog template gone_1 is not offered by the target',
    ]);
    expect(preflightReasons(templated('old_1'), catalog)).toEqual([
      expect.stringMatching(/^settings-catalog template old_1 is superseded in the target: /),
    ]);
    expect(preflightReasons(templated('new_2'), catalog)).toEqual([]);
    // Not looked up (the lookup failed): Graph decides.
    expect(preflightReasons(templated('unknown_3'), catalog)).toEqual([]);
    expect(templateIdsOf([templated('old_1'), templated('old_1'), templated('new_2'), source()])).toEqual([
      'old_1',
      'new_2',
    ]);
    expect(
      preflightReasons(
        source({ typeKey: 'groupPolicyConfiguration', payload: { policyConfigurationIngestionType: 'custom' } }),
        {
          ...ctx,
          contract: getContract('groupPolicyConfiguration'),
        },
      ),
    ).toEqual([expect.stringContaining('custom ADMX')]);
    expect(
      preflightReasons(source({ typeKey: 'mobileApp', odataType: '#microsoft.graph.win32LobApp' }), {
        ...ctx,
        contract: getContract('mobileApp'),
      }),
    ).toEqual([expect.stringContaining('content (the binary) cannot be restored')]);
  });

  it('the plan hash changes with any action, target state or mapping, and not with order of mappings', () => {
    const plan: HashedPlan = {
      backupId: 'b',
      targetTenantId: 't',
      mode: 'createOrUpdate',
      includeAssignments: true,
      items: [{ seq: 0, backupItemId: 'i', action: 'create', targetId: null, targetFingerprint: null, reasons: [] }],
      mappings: [
        { kind: 'group', sourceId: 'a', sourceName: 'A', targetId: 'x', foundBy: 'name', note: null },
        { kind: 'group', sourceId: 'b', sourceName: 'B', targetId: 'y', foundBy: 'name', note: null },
      ],
    };
    const h = planHash(plan);
    expect(planHash({ ...plan, mappings: [...plan.mappings].reverse() })).toBe(h);
    expect(planHash({ ...plan, items: [{ ...plan.items[0], action: 'update' }] })).not.toBe(h);
    expect(planHash({ ...plan, items: [{ ...plan.items[0], targetFingerprint: 'z' }] })).not.toBe(h);
    expect(planHash({ ...plan, mappings: [{ ...plan.mappings[0], targetId: 'other' }, plan.mappings[1]] })).not.toBe(h);
  });
});
