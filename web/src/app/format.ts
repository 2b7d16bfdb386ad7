const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');

/** "1 min 5 s", "850 ms": how long something took. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const between = (from: string | null | undefined, to: string | null | undefined): number | null =>
  from && to ? new Date(to).getTime() - new Date(from).getTime() : null;

/** GUIDs are long: the first block is enough to tell rows apart on screen (the full id is in the title). */
export const shortId = (id: string): string => id.slice(0, 8);
