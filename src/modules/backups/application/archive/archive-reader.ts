import { toArchiveObject, type ArchivedSnapshot, type UnknownArchiveFile } from '../../domain/archive-object';
import { ArchiveRejectedError, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from '../../domain/archive-rejection';
import { isExportManifest } from '../../domain/export-manifest';
import { jsonFileText } from '../../domain/json-file-text';
import { archiveFiles, type ArchiveSource } from './archive-files';

/** Per-file findings that do not stop an import; lists are capped, counts are not. */
export interface ArchiveScan {
  objects: number;
  byType: Record<string, number>;
  unknownCount: number;
  unknown: UnknownArchiveFile[];
  /** Files that are not `.json` (scripts, READMEs, licences): listed, never read. */
  skippedCount: number;
  skipped: string[];
}

const MAX_LISTED = 500;

type ReadItem =
  | { kind: 'snapshot'; path: string; snapshot: ArchivedSnapshot }
  | { kind: 'unknown'; file: UnknownArchiveFile }
  | { kind: 'skipped'; path: string };

/**
 * Reads an IntuneManagement-layout archive (or our own export: the same layout plus `manifest.json`) and checks
 * every file. Two passes, each streaming: `scan` validates the whole archive and reports; only when it passes does
 * `snapshots` read it again for storing. So a bad file anywhere (the last entry included) stores nothing, whatever
 * the store does with a half-consumed stream, and memory stays one file deep.
 */
export class ArchiveReader {
  constructor(
    private readonly source: ArchiveSource,
    private readonly field: string,
    private readonly limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
  ) {}

  private async *items(): AsyncGenerator<ReadItem> {
    for await (const file of archiveFiles(this.source, this.limits, this.field)) {
      if (file.bytes === null) {
        yield { kind: 'skipped', path: file.path };
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(jsonFileText(file.bytes));
      } catch {
        throw new ArchiveRejectedError('INVALID_JSON', 'A file is not valid JSON', this.field, file.path);
      }
      if (isExportManifest(file.path, json)) continue;
      yield toArchiveObject(file.path, json);
    }
  }

  /** Pass one: every check, the per-file report. Throws `ArchiveRejectedError` for an archive to refuse. */
  async scan(): Promise<ArchiveScan> {
    const scan: ArchiveScan = { objects: 0, byType: {}, unknownCount: 0, unknown: [], skippedCount: 0, skipped: [] };
    const seen = new Map<string, string>();
    for await (const item of this.items()) {
      if (item.kind === 'skipped') {
        if (scan.skippedCount++ < MAX_LISTED) scan.skipped.push(item.path);
      } else if (item.kind === 'unknown') {
        if (scan.unknownCount++ < MAX_LISTED) scan.unknown.push(item.file);
      } else {
        const { typeKey, sourceId } = item.snapshot;
        const key = `${typeKey}\u0000${sourceId}`;
        const first = seen.get(key);
        if (first !== undefined) {
          throw new ArchiveRejectedError(
            'DUPLICATE_OBJECT',
            `Two files hold the same ${typeKey} ${sourceId} (the other is ${first})`,
            this.field,
            item.path,
          );
        }
        seen.set(key, item.path);
        scan.objects++;
        scan.byType[typeKey] = (scan.byType[typeKey] ?? 0) + 1;
      }
    }
    if (scan.objects === 0) {
      throw new ArchiveRejectedError('NO_OBJECTS', 'The archive holds no object of a known Intune type', this.field);
    }
    return scan;
  }

  /** Pass two: the objects to store, in archive order. Rechecks as it goes (the limits are cheap). */
  async *snapshots(): AsyncGenerator<ArchivedSnapshot> {
    for await (const item of this.items()) if (item.kind === 'snapshot') yield item.snapshot;
  }
}
