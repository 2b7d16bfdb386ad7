/**
 * The typed confirmation compares exactly: the API refuses anything but the target tenant's display name as it is
 * (no trimming, no case folding), so the console enables "Confirm restore" on the same rule.
 */
export const typedNameMatches = (typed: string, tenantName: string): boolean =>
  tenantName.length > 0 && typed === tenantName;
