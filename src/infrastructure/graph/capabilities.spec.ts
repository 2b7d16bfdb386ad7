import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveCapabilities } from './capabilities';

const GOLDEN_DIR = join(__dirname, '../../../config/__golden__/capabilities');

/** Permission sets a tenant connection really ends up with. Regenerate with UPDATE_GOLDEN=1 and review the diff. */
const PERMISSION_SETS: Record<string, string[]> = {
  'full-read-write': [
    'DeviceManagementConfiguration.ReadWrite.All',
    'DeviceManagementScripts.ReadWrite.All',
    'DeviceManagementServiceConfig.ReadWrite.All',
    'DeviceManagementRBAC.ReadWrite.All',
    'DeviceManagementApps.ReadWrite.All',
    'Group.Read.All',
  ],
  'read-only-config': ['DeviceManagementConfiguration.Read.All'],
  'apps-only': ['DeviceManagementApps.ReadWrite.All'],
  'read-all-plus-group-member': [
    'DeviceManagementConfiguration.Read.All',
    'DeviceManagementScripts.Read.All',
    'DeviceManagementServiceConfig.Read.All',
    'DeviceManagementRBAC.Read.All',
    'DeviceManagementApps.Read.All',
    'GroupMember.Read.All',
  ],
  'directory-only': ['Directory.Read.All'],
  none: [],
};

describe('deriveCapabilities', () => {
  it.each(Object.keys(PERMISSION_SETS))('matches the golden output for "%s"', (name) => {
    const actual = deriveCapabilities(PERMISSION_SETS[name]);
    const file = join(GOLDEN_DIR, `${name}.json`);
    if (process.env.UPDATE_GOLDEN === '1')
      writeFileSync(
        file,
        `${JSON.stringify({ grantedPermissions: PERMISSION_SETS[name], capabilities: actual }, null, 2)}\n`,
      );
    const golden = JSON.parse(readFileSync(file, 'utf8')) as { grantedPermissions: string[]; capabilities: unknown };
    expect(golden.grantedPermissions).toEqual(PERMISSION_SETS[name]);
    expect(actual).toEqual(golden.capabilities);
  });

  it('does not depend on the order or letter case of granted permissions', () => {
    const set = PERMISSION_SETS['full-read-write'];
    expect(deriveCapabilities([...set].reverse().map((p) => p.toUpperCase()))).toEqual(deriveCapabilities(set));
  });

  it('never grants write on a type that is not restorable, whatever the permissions', () => {
    expect(deriveCapabilities(PERMISSION_SETS['full-read-write']).types.mobileApp).toEqual({
      canRead: true,
      canWrite: false,
    });
  });

  it('ignores unknown permissions', () => {
    expect(deriveCapabilities(['Mail.Read', 'User.Read.All'])).toEqual(deriveCapabilities([]));
  });
});
