import { Module } from '@nestjs/common';
import { BackupsModule } from './backups.module';
import { BackupArchiveController } from './http/backup-archive.controller';

/** The REST routes of backups (zip download and upload): only processes that serve the API include it. */
@Module({
  imports: [BackupsModule],
  controllers: [BackupArchiveController],
})
export class BackupsHttpModule {}
