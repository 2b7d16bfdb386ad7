/**
 * Restore order across types (IM `ImportOrder`, ICD update order): what others reference goes first — scope tags,
 * filters, roles — then policies; certificate chains in deviceConfigurations go trusted root → SCEP/PKCS → Wi-Fi/VPN
 * (they bind each other with `…@odata.bind`). Assignments are written with each item, after all of them exist.
 */
const TYPE_RANK: Record<string, number> = {
  roleScopeTag: 10,
  assignmentFilter: 15,
  roleDefinition: 20,
  roleAssignment: 25,
  deviceConfiguration: 40,
  deviceCompliancePolicy: 45,
  settingsCatalogPolicy: 50,
  groupPolicyConfiguration: 50,
  deviceManagementScript: 50,
  deviceHealthScript: 50,
  windowsAutopilotDeploymentProfile: 50,
  iosManagedAppProtection: 55,
  androidManagedAppProtection: 55,
  windowsFeatureUpdateProfile: 55,
  windowsDriverUpdateProfile: 55,
  mobileApp: 60,
};

function certificateRank(odataType: string | null): number {
  const t = (odataType ?? '').toLowerCase();
  if (t.includes('trustedrootcertificate')) return 0;
  if (t.includes('scepcertificate') || t.includes('pkcscertificate') || t.includes('importedpfx')) return 1;
  if (t.includes('wifi') || t.includes('wired') || t.includes('vpn')) return 2;
  return 3;
}

export interface Orderable {
  typeKey: string;
  odataType: string | null;
  displayName: string;
  sourceId: string;
}

export function dependencyRank(item: Pick<Orderable, 'typeKey' | 'odataType'>): number {
  const base = TYPE_RANK[item.typeKey] ?? 90;
  return item.typeKey === 'deviceConfiguration' ? base + certificateRank(item.odataType) : base;
}

/** A stable order: rank, then name, then source id. */
export function inDependencyOrder<T extends Orderable>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      dependencyRank(a) - dependencyRank(b) ||
      a.displayName.localeCompare(b.displayName) ||
      a.sourceId.localeCompare(b.sourceId),
  );
}
