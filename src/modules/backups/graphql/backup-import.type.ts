import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BackupType } from './backup.type';

@ObjectType('ArchiveFileReport', { description: 'A file of an imported archive that was not imported, and why.' })
export class ArchiveFileReportType {
  @Field({ description: 'Path inside the archive.' }) path: string;
  @Field(() => String, { nullable: true }) odataType: string | null;
  @Field({ description: 'UNKNOWN_TYPE, NOT_AN_OBJECT or BAD_ASSIGNMENTS.' }) reason: string;
}

@ObjectType('BackupImportResult', { description: 'A backup made from an archive, and what the archive held besides.' })
export class BackupImportResultType {
  @Field(() => BackupType) backup: BackupType;
  @Field(() => Int, { description: 'Objects imported.' }) objectCount: number;
  @Field(() => Int, { description: 'JSON files of no known type (reported, not imported).' }) unknownCount: number;
  @Field(() => [ArchiveFileReportType], { description: 'The first 500 of them.' })
  unknownFiles: ArchiveFileReportType[];
  @Field(() => Int, { description: 'Files that are not JSON (scripts, READMEs), never read.' }) skippedCount: number;
  @Field(() => [String], { description: 'The first 500 of them.' }) skippedFiles: string[];
}
