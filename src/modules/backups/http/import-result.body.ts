import type { ImportedBackup } from '../application/archive/import-backup.use-case';

/** The JSON answer of an import (REST): the new backup and the per-file report, in the GraphQL result's shape. */
export function importResultBody({ backup, report }: ImportedBackup) {
  return {
    backup: {
      id: backup.id,
      tenantId: backup.tenantId,
      source: backup.source,
      status: backup.status,
      createdAt: backup.createdAt,
      itemCount: backup.itemCount,
      countsByType: backup.countsByType,
      newVersions: backup.newVersions,
      newPayloads: backup.newPayloads,
      needsSecretReentryCount: backup.needsSecretReentryCount,
    },
    objectCount: report.objects,
    unknownCount: report.unknownCount,
    unknownFiles: report.unknown,
    skippedCount: report.skippedCount,
    skippedFiles: report.skipped,
  };
}
