/** One row of a setting-level diff as the API gives it: a setting (path, label) and its value on each side. */
export interface DiffRowView {
  path: string;
  label: string;
  kind: string;
  left?: unknown;
  right?: unknown;
}

const ABSENT = new Set<unknown>([null, undefined, '']);

/** How a diff value reads in a cell: text as it is, absent as "—", anything structured as compact JSON. */
export function formatDiffValue(value: unknown): string {
  if (ABSENT.has(value) || (Array.isArray(value) && value.length === 0)) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Rows that differ (the API may also send unchanged rows for context); `changedOnly` keeps only those. */
export function visibleDiffRows<T extends DiffRowView>(rows: readonly T[], changedOnly: boolean): T[] {
  return changedOnly ? rows.filter((r) => r.kind.toUpperCase() !== 'UNCHANGED') : [...rows];
}

export const diffKindLabel = (kind: string): string =>
  ({ ADDED: 'Added', REMOVED: 'Removed', CHANGED: 'Changed', UNCHANGED: 'Unchanged' })[kind.toUpperCase()] ?? kind;

// Bookkeeping Graph adds to every object: never a setting, so never shown as unchanged context.
const VOLATILE = /^(@odata\.|id$|createdDateTime$|lastModifiedDateTime$|version$)|@odata\./;

/**
 * The API's diff has only changes; with "changed settings only" off the view adds the object's other top-level
 * properties as unchanged rows (both sides equal), so a change can be read in context.
 */
export function withUnchangedContext(
  rows: readonly DiffRowView[],
  payload: Record<string, unknown> | null,
): DiffRowView[] {
  if (!payload) return [...rows];
  const covered = (key: string) =>
    rows.some((r) => r.path === key || r.path.startsWith(`${key}.`) || r.path.startsWith(`${key}[`));
  const unchanged = Object.entries(payload)
    .filter(([key, value]) => !VOLATILE.test(key) && !covered(key) && formatDiffValue(value) !== '—')
    .map(([key, value]) => ({ path: key, label: key, kind: 'UNCHANGED', left: value, right: value }));
  return [...rows, ...unchanged];
}
