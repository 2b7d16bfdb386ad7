import { COMMON_READ_ONLY_FIELDS } from './read-only-fields';
import { BASE_META, BASE_SELECT, assignAction, defineContract, perTargetPost, registryOf } from './define-contract';

const facts = {
  typeKey: 'deviceConfiguration',
  label: 'Test type',
  collectionPath: '/deviceManagement/testCollection',
  odataType: '#microsoft.graph.test',
  platform: { from: 'none' },
  permissions: { read: ['A.Read.All', 'A.ReadWrite.All'], write: ['A.ReadWrite.All'] },
} as const;

describe('defineContract', () => {
  it('fills the defaults every Intune type shares: beta, displayName, base $select/meta, POST, PATCH, assign action', () => {
    expect(defineContract(facts)).toEqual({
      ...facts,
      apiVersion: 'beta',
      polymorphic: false,
      nameField: 'displayName',
      listSelect: BASE_SELECT,
      metaFields: BASE_META,
      backup: { expand: ['assignments'], subResources: [] },
      create: { method: 'POST', expectedStatus: 201, requiredFields: [] },
      update: { method: 'PATCH', expectedStatuses: [200, 204] },
      readOnlyFields: [...COMMON_READ_ONLY_FIELDS],
      assignments: {
        readPath: 'assignments',
        write: { kind: 'assignAction', bodyKey: 'assignments', expectedStatus: 200 },
      },
      restorable: true,
      supportsFilter: true,
    });
  });

  it('requires @odata.type first on create for a polymorphic type', () => {
    const c = defineContract({ ...facts, polymorphic: true, requiredOnCreate: ['scheduledActionsForRule'] });
    expect(c.create?.requiredFields).toEqual(['@odata.type', 'scheduledActionsForRule']);
  });

  it('adds a type’s own read-only fields to the common ones', () => {
    expect(defineContract({ ...facts, readOnlyFields: ['payloads'] }).readOnlyFields).toEqual([
      ...COMMON_READ_ONLY_FIELDS,
      'payloads',
    ]);
  });

  it('backs up nothing by default when the type has no assignments', () => {
    expect(defineContract({ ...facts, assignments: null }).backup).toEqual({ expand: [], subResources: [] });
    expect(defineContract({ ...facts, assignments: perTargetPost() }).backup.expand).toEqual(['assignments']);
  });

  it('gives a type that is never restored no create, no update and no write permission', () => {
    const c = defineContract({ ...facts, restorable: false, assignments: assignAction('mobileAppAssignments', 204) });
    expect(c).toMatchObject({ create: null, update: null, restorable: false });
    expect(c.permissions).toEqual({ read: facts.permissions.read, write: [] });
  });
});

describe('registryOf', () => {
  it('keys contracts by type key in family order', () => {
    const a = defineContract(facts);
    const b = defineContract({ ...facts, typeKey: 'roleScopeTag' });
    const c = defineContract({ ...facts, typeKey: 'mobileApp' });
    expect(Object.keys(registryOf([[b], [c, a]]))).toEqual(['roleScopeTag', 'mobileApp', 'deviceConfiguration']);
  });

  it('refuses a type key two families define', () => {
    expect(() => registryOf([[defineContract(facts)], [defineContract(facts)]])).toThrow(
      'Graph contract "deviceConfiguration" is defined twice',
    );
  });
});
