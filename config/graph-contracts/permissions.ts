/** Application permissions per Intune service, as the Graph docs (and the simulator's `SIM_PERMISSIONS`) name them. */
const family = (name: string) => ({
  read: [`${name}.Read.All`, `${name}.ReadWrite.All`],
  write: [`${name}.ReadWrite.All`],
});

export const INTUNE_PERMISSIONS = {
  configuration: family('DeviceManagementConfiguration'),
  scripts: family('DeviceManagementScripts'),
  serviceConfig: family('DeviceManagementServiceConfig'),
  rbac: family('DeviceManagementRBAC'),
  apps: family('DeviceManagementApps'),
};

/** Entra groups are not an Intune type: read app-only (directory cache), searched delegated (group picker). */
export const GROUP_PERMISSIONS = {
  appRead: [
    'Group.Read.All',
    'GroupMember.Read.All',
    'Directory.Read.All',
    'Group.ReadWrite.All',
    'Directory.ReadWrite.All',
  ],
  delegatedSearch: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All'],
} as const;

/** Scopes of the on-behalf-of token for the delegated group picker (least privilege of `delegatedSearch`). */
export const DELEGATED_GROUP_SEARCH_SCOPES: readonly string[] = ['https://graph.microsoft.com/GroupMember.Read.All'];
