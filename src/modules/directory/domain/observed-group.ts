/** An Entra group as Graph describes it: the one shape of the cache (sync) and of live search hits. */
export interface ObservedGroup {
  externalId: string;
  displayName: string;
  description: string | null;
  mail: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
  groupTypes: string[];
  hasMembershipRule: boolean;
}

/** `$select` of group reads (cache and search alike). */
export const GROUP_SELECT = [
  'id',
  'displayName',
  'description',
  'mail',
  'mailEnabled',
  'securityEnabled',
  'groupTypes',
  'membershipRule',
] as const;

export function toObservedGroup(group: Record<string, unknown>): ObservedGroup | null {
  if (typeof group.id !== 'string') return null;
  return {
    externalId: group.id,
    displayName: typeof group.displayName === 'string' ? group.displayName : `(unnamed ${group.id})`,
    description: typeof group.description === 'string' ? group.description : null,
    mail: typeof group.mail === 'string' ? group.mail : null,
    securityEnabled: group.securityEnabled === true,
    mailEnabled: group.mailEnabled === true,
    groupTypes: Array.isArray(group.groupTypes) ? group.groupTypes.map(String) : [],
    hasMembershipRule: typeof group.membershipRule === 'string' && group.membershipRule.length > 0,
  };
}
