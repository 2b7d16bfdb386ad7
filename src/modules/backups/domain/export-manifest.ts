/** `manifest.json` at the root of an export: what was exported, from where, and the hashes to check it against. */
export const EXPORT_MANIFEST_PATH = 'manifest.json';
export const EXPORT_FORMAT = 'tenantatlas.backup-export';
export const EXPORT_FORMAT_VERSION = 1;

export interface ExportManifestHeader {
  tenantId: string;
  tenantName: string | null;
  backupId: string;
  backupCreatedAt: string;
  source: string;
}

export interface ExportManifestFile {
  path: string;
  typeKey: string;
  sourceId: string;
  displayName: string;
  payloadHash: string;
  assignmentsHash: string;
  needsSecretReentry: boolean;
}

export interface ExportManifest extends ExportManifestHeader {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  exportedAt: string;
  objectCount: number;
  files: ExportManifestFile[];
}

/** The file body of one exported object: the raw payload with its assignments inline, as IntuneManagement writes. */
export function exportFileBody(payload: Record<string, unknown>, assignments: unknown[]): string {
  return `${JSON.stringify({ ...payload, assignments }, null, 2)}\n`;
}

/** Whether a parsed JSON file is one of our own manifests (skipped on import, not reported as unknown). */
export function isExportManifest(path: string, json: unknown): boolean {
  return (
    path.toLowerCase() === EXPORT_MANIFEST_PATH &&
    !!json &&
    typeof json === 'object' &&
    (json as { format?: unknown }).format === EXPORT_FORMAT
  );
}
