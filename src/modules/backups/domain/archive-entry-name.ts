/**
 * An entry name from an archive, as a safe relative path with `/` separators, or null when it could escape the
 * folder it is read into: `..` segments, absolute paths (`/x`, `C:x`, `\\server\x`), NUL and other control
 * characters. Windows tools write `\` separators; they are read as `/` before checking, so `..\x` is caught too.
 */
export function safeEntryPath(name: string): string | null {
  if (!name || name.length > 1024) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return null;
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return null;
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return null;
  return segments.filter((s) => s !== '' && s !== '.').join('/');
}

/** The folder a file sits in (its last directory segment), or null at the root. */
export function parentFolder(path: string): string | null {
  const segments = path.split('/');
  return segments.length > 1 ? segments[segments.length - 2] : null;
}
