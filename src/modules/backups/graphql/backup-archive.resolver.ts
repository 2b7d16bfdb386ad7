import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RequireTenantRole } from '../../../infrastructure/access';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { AppConfig } from '../../../infrastructure/config/app-config';
import type { GraphqlContext } from '../../../infrastructure/graphql/graphql-context';
import { BadUserInputError, ForbiddenError } from '../../../shared/app-errors';
import { ImportBackupUseCase } from '../application/archive/import-backup.use-case';
import { BackupQueryService } from '../application/backup-query.service';
import { safeEntryPath } from '../domain/archive-entry-name';
import { ArchiveRejectedError } from '../domain/archive-rejection';
import { BackupImportResultType } from './backup-import.type';
import { toBackupType } from './backups.resolver';

/**
 * `importBackup` over GraphQL reads an archive **on the server**, below BACKUP_IMPORT_DIR (the demo and scripted
 * setups): GraphQL carries JSON, and Apollo Server 5 has no upload support by design (CSRF prevention refuses
 * multipart). Browsers and API clients upload the `.zip` to `POST /api/tenants/{tenantId}/backups/import`.
 */
@Resolver()
export class BackupArchiveResolver {
  constructor(
    private readonly importer: ImportBackupUseCase,
    private readonly queries: BackupQueryService,
    private readonly config: AppConfig,
  ) {}

  @RequireTenantRole('admin')
  @Mutation(() => BackupImportResultType, {
    description:
      'Imports a .zip or folder in IntuneManagement layout (or a TenantAtlas export) from below the server folder ' +
      'BACKUP_IMPORT_DIR into a new backup of the tenant (source import). Uploads: POST /api/tenants/{tenantId}/backups/import.',
  })
  async importBackup(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: GraphqlContext,
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('path', { description: 'Relative to BACKUP_IMPORT_DIR: a .zip file or a folder.' }) path: string,
    @Args('label', { type: () => String, nullable: true }) label?: string | null,
  ): Promise<BackupImportResultType> {
    const root = this.config.env.BACKUP_IMPORT_DIR;
    if (!root) {
      throw new ForbiddenError(
        'Server-side import is off (BACKUP_IMPORT_DIR is not set): upload the .zip to POST /api/tenants/{tenantId}/backups/import',
        'server_import_disabled',
      );
    }
    if (label && label.length > 200) throw new BadUserInputError('label must be at most 200 characters', 'label');
    const relative = safeEntryPath(path);
    if (relative === null)
      throw new ArchiveRejectedError('UNSAFE_PATH', 'path must stay below BACKUP_IMPORT_DIR', 'path');
    const full = join(resolve(root), relative);
    const info = await stat(full).catch(() => null);
    if (!info) throw new BadUserInputError(`No file or folder "${relative}" below BACKUP_IMPORT_DIR`, 'path');
    const { backup, report } = await this.importer.execute({
      actor: { id: user.id, upn: user.upn },
      tenantId,
      source: info.isDirectory() ? { kind: 'directory', path: full } : { kind: 'zip', path: full },
      field: 'path',
      label: label ?? null,
      requestId: ctx.requestId,
    });
    const row = (await this.queries.findBackup(backup.id))!;
    return {
      backup: toBackupType(row),
      objectCount: report.objects,
      unknownCount: report.unknownCount,
      unknownFiles: report.unknown,
      skippedCount: report.skippedCount,
      skippedFiles: report.skipped,
    };
  }
}
