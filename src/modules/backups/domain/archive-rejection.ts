import { BadUserInputError } from '../../../shared/app-errors';

/** Why an archive was refused as a whole; stable, clients branch on `extensions.reason`. */
export type ArchiveRejectionReason =
  | 'NOT_A_ZIP'
  | 'ARCHIVE_TOO_LARGE'
  | 'TOO_MANY_FILES'
  | 'TOO_MUCH_DATA'
  | 'FILE_TOO_LARGE'
  | 'UNSAFE_PATH'
  | 'ENCRYPTED_ENTRY'
  | 'INVALID_JSON'
  | 'DUPLICATE_OBJECT'
  | 'NO_OBJECTS';

/** The caps an import enforces on what it reads (actual bytes read, not what an entry header claims). */
export interface ArchiveLimits {
  /** Size of the uploaded `.zip` itself. */
  maxArchiveBytes: number;
  /** Entries (files and folders) in the archive or directory tree. */
  maxEntries: number;
  /** Sum of the uncompressed bytes of every file read. */
  maxTotalBytes: number;
  /** One file, uncompressed. */
  maxFileBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: Readonly<ArchiveLimits> = {
  maxArchiveBytes: 100 * 1024 * 1024,
  maxEntries: 20_000,
  maxTotalBytes: 500 * 1024 * 1024,
  maxFileBytes: 5 * 1024 * 1024,
};

/**
 * An archive refused before anything is stored: BAD_USER_INPUT naming the input field, with a stable `reason` and,
 * where one file is to blame, its path inside the archive (never a server path).
 */
export class ArchiveRejectedError extends BadUserInputError {
  constructor(
    readonly reason: ArchiveRejectionReason,
    message: string,
    field: string,
    readonly entry?: string,
  ) {
    super(entry ? `${message} (${truncate(entry)})` : message, field, {
      reason,
      ...(entry ? { entry: truncate(entry) } : {}),
    });
  }
}

function truncate(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}
