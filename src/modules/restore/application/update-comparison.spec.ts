import { BackupsFacade, type PolicyDiffSide } from '../../backups';
import { compareUpdate } from './update-comparison';

const SOURCE_GROUP = 'a1b2c3d4-0000-4000-8000-00000000000a';
const TARGET_GROUP = 'a1b2c3d4-0000-4000-8000-00000000000b';
const OTHER_TARGET_GROUP = 'a1b2c3d4-0000-4000-8000-00000000000c';
const TARGET_NAMES: Record<string, string> = { [TARGET_GROUP]: 'Pilot devices', [OTHER_TARGET_GROUP]: 'All staff' };

/**
 * The real backups facade (its pure diff and hash rules); only the label and directory lookups, which read the
 * database, are stubbed. It records whose directory it was asked about.
 */
function facade(): { backups: BackupsFacade; askedTenants: string[] } {
  const askedTenants: string[] = [];
  const diffs = {
    lookupsFor: (pairs: ReadonlyArray<readonly [PolicyDiffSide, PolicyDiffSide]>) => {
      askedTenants.push(...pairs.flat().map((side) => side.tenantId));
      return Promise.resolve({
        settingLabel: (id: string) => (id === 'laps_backupdirectory' ? 'Backup Directory' : undefined),
        groupName: (id: string) => TARGET_NAMES[id],
      });
    },
  };
  const none = {} as never;
  return { backups: new BackupsFacade(none, none, none, none, none, diffs as never), askedTenants };
}

const policy = (backupDirectory: string, extra: Record<string, unknown> = {}) => ({
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
        },
      },
    },
  ],
  ...extra,
});
const assignedTo = (groupId: string, id = 'a') => ({
  id,
  source: 'direct',
  target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId },
});
const resolve = (kind: string, id: string) => (kind === 'group' && id === SOURCE_GROUP ? TARGET_GROUP : id);
const source = {
  typeKey: 'settingsCatalogPolicy',
  payload: policy('laps_backupdirectory_1', { id: 'src', lastModifiedDateTime: '2026-01-01T00:00:00Z' }),
  assignments: [assignedTo(SOURCE_GROUP)],
};
const options = { targetTenantId: 'target-tenant', resolve, includeAssignments: true };

describe('compareUpdate (restore compares by the backups module rules)', () => {
  it('identical after normalisation: ids, timestamps and a group mapped to the target id are no change', async () => {
    const { backups } = facade();
    const live = policy('laps_backupdirectory_1', {
      id: 'live',
      lastModifiedDateTime: '2026-11-30T00:00:00Z',
      assignments: [assignedTo(TARGET_GROUP, 'other-assignment-id')],
    });
    await expect(compareUpdate(backups, source, live, options)).resolves.toBeNull();
    // The live object still points at the source's id: that is not the mapped group, so it is a change.
    const unmapped = { ...live, assignments: [assignedTo(SOURCE_GROUP)] };
    await expect(compareUpdate(backups, source, unmapped, options)).resolves.not.toBeNull();
  });

  it('a changed setting is one row with its label; an assignment row names the target group', async () => {
    const { backups, askedTenants } = facade();
    const live = policy('laps_backupdirectory_2', { assignments: [assignedTo(OTHER_TARGET_GROUP)] });
    const rows = await compareUpdate(backups, source, live, options);
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          path: 'settings[laps_backupdirectory]',
          label: 'Backup Directory',
          kind: 'changed',
          left: 'laps_backupdirectory_1',
          right: 'laps_backupdirectory_2',
        },
        expect.objectContaining({ label: 'Assignment: include group "Pilot devices"', kind: 'removed', right: null }),
        expect.objectContaining({ label: 'Assignment: include group "All staff"', kind: 'added', left: null }),
      ]),
    );
    expect(rows).toHaveLength(3);
    // Both sides carry the target's ids after mapping: names come from the target's directory.
    expect(new Set(askedTenants)).toEqual(new Set(['target-tenant']));
  });

  it('without includeAssignments only the payload counts', async () => {
    const { backups } = facade();
    const live = policy('laps_backupdirectory_1', { assignments: [assignedTo(OTHER_TARGET_GROUP)] });
    await expect(compareUpdate(backups, source, live, { ...options, includeAssignments: false })).resolves.toBeNull();
  });
});
