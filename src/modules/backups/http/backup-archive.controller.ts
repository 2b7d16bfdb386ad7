import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { TenantAccessService } from '../../../infrastructure/access';
import { AccessTokenVerifier } from '../../../infrastructure/auth/access-token.verifier';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { AppErrorHttpFilter } from '../../../infrastructure/http/app-error-http.filter';
import { BadUserInputError, NotFoundError } from '../../../shared/app-errors';
import { isUuid } from '../../../shared/uuid';
import { BackupsFacade } from '../application/backups.facade';
import { ExportBackupUseCase } from '../application/archive/export-backup.use-case';
import { ImportBackupUseCase } from '../application/archive/import-backup.use-case';
import { spoolUpload } from '../application/archive/upload-spool';
import { DEFAULT_ARCHIVE_LIMITS } from '../domain/archive-rejection';
import { importResultBody } from './import-result.body';

const requestIdOf = (req: Request): string | null => {
  const id = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
};

/**
 * The two byte-stream routes of backups, beside GraphQL (which carries JSON, not files): the zip download and the
 * zip upload. Both authenticate the bearer token like GraphQL and check the tenant role through the same
 * TenantAccessService; a backup or tenant the caller may not see is 404 exactly like a missing one.
 */
@Controller('api')
@UseFilters(AppErrorHttpFilter)
export class BackupArchiveController {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly access: TenantAccessService,
    private readonly backups: BackupsFacade,
    private readonly exporter: ExportBackupUseCase,
    private readonly importer: ImportBackupUseCase,
  ) {}

  /** `GET /api/backups/:id/export`: viewer role on the backup's tenant; streams `application/zip`. */
  @Get('backups/:id/export')
  async export(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.verifier.verify(req.headers.authorization);
    const backup = await this.backups.findBackup(id);
    if (!backup || backup.status !== 'completed') throw new NotFoundError('Backup', id);
    await this.requireRole(user, backup.tenantId, 'viewer', () => new NotFoundError('Backup', id), req);
    res.status(200);
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', `attachment; filename="${this.exporter.fileName(backup)}"`);
    res.setHeader('cache-control', 'no-store');
    await this.exporter.execute(backup, { id: user.id, upn: user.upn }, res, requestIdOf(req));
  }

  /**
   * `POST /api/tenants/:tenantId/backups/import[?label=…]`: admin role; the body is the `.zip` itself
   * (`Content-Type: application/zip` or `application/octet-stream`). Answers 201 with the new backup and the
   * per-file report.
   */
  @Post('tenants/:tenantId/backups/import')
  @HttpCode(201)
  async import(
    @Param('tenantId') tenantId: string,
    @Query('label') label: string | undefined,
    @Req() req: Request,
  ): Promise<unknown> {
    const user = await this.verifier.verify(req.headers.authorization);
    if (!isUuid(tenantId)) throw new BadUserInputError('tenantId must be a tenant id (UUID)', 'tenantId');
    await this.requireRole(user, tenantId, 'admin', () => new NotFoundError('Tenant', tenantId), req);
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!['application/zip', 'application/x-zip-compressed', 'application/octet-stream'].includes(type)) {
      throw new BadUserInputError('Send the .zip itself as the body, with Content-Type: application/zip', 'upload', {
        reason: 'NOT_A_ZIP',
      });
    }
    if (label !== undefined && (typeof label !== 'string' || label.length > 200)) {
      throw new BadUserInputError('label must be at most 200 characters', 'label');
    }
    const upload = await spoolUpload(req, DEFAULT_ARCHIVE_LIMITS.maxArchiveBytes, 'upload');
    try {
      const imported = await this.importer.execute({
        actor: { id: user.id, upn: user.upn },
        tenantId,
        source: { kind: 'zip', path: upload.path },
        field: 'upload',
        label: label ?? null,
        requestId: requestIdOf(req),
      });
      return importResultBody(imported);
    } finally {
      await upload.discard();
    }
  }

  private async requireRole(
    user: AuthenticatedUser,
    tenantId: string,
    role: 'viewer' | 'admin',
    notFound: () => NotFoundError,
    req: Request,
  ): Promise<void> {
    try {
      await this.access.assertRole(user, tenantId, role, 'Tenant', requestIdOf(req) ?? undefined);
    } catch (error) {
      // Never name the tenant of a backup the caller may not see.
      if (error instanceof NotFoundError) throw notFound();
      throw error;
    }
  }
}
