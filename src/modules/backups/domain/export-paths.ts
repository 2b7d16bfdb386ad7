/** Names Windows refuses for a file whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME = 150;

/**
 * A display name as a file name every OS and unzip tool accepts: `<>:"/\|?*` and control characters become `_`,
 * trailing dots and spaces go (Windows drops them silently), reserved device names get a `_` prefix, long names
 * are cut. An empty result falls back to `fallback` (the object's source id).
 */
export function safeFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  let safe = name.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').replace(/[. ]+$/, '');
  safe = Array.from(safe).slice(0, MAX_NAME).join('').trim();
  if (!safe || /^\.+$/.test(safe)) safe = fallback.replace(/[^A-Za-z0-9._-]/g, '_') || 'object';
  return RESERVED.test(safe) ? `_${safe}` : safe;
}

/**
 * Hands out `<folder>/<name>.json` paths, unique without regard to case (Windows and macOS file systems fold
 * case): the second "Baseline" in a folder becomes `Baseline (2).json`. Remembers one short string per object.
 */
export class ExportPathAllocator {
  private readonly used = new Set<string>();

  allocate(folder: string, displayName: string, sourceId: string): string {
    const base = safeFileName(displayName, sourceId);
    for (let n = 1; ; n++) {
      const path = `${folder}/${n === 1 ? base : `${base} (${n})`}.json`;
      const key = path.toLowerCase();
      if (!this.used.has(key)) {
        this.used.add(key);
        return path;
      }
    }
  }

  /** Reserves a path the allocator must never hand out (e.g. `manifest.json`). */
  reserve(path: string): void {
    this.used.add(path.toLowerCase());
  }
}
