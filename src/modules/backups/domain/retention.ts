/** A tenant's retention setting; both null = keep every backup (the default). */
export interface RetentionPolicy {
  keepLast: number | null;
  keepDays: number | null;
}

export interface RetainedBackup {
  id: string;
  createdAt: Date;
}

export const KEEP_ALL: RetentionPolicy = { keepLast: null, keepDays: null };
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The backups a prune deletes. A backup is kept when any rule set keeps it: it is one of the newest `keepLast`, or
 * younger than `keepDays` days. So two rules never delete more than either would alone, and the newest backup is
 * always kept (a days-only rule must not leave a tenant that stopped backing up with nothing). `backups` are the
 * tenant's completed backups; running ones are never offered.
 */
export function backupsToPrune(backups: readonly RetainedBackup[], policy: RetentionPolicy, now: Date): string[] {
  if (policy.keepLast === null && policy.keepDays === null) return [];
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
  const cutoff = policy.keepDays === null ? null : now.getTime() - policy.keepDays * DAY_MS;
  return newestFirst
    .filter((backup, index) => {
      if (index === 0) return false;
      if (policy.keepLast !== null && index < policy.keepLast) return false;
      if (cutoff !== null && backup.createdAt.getTime() >= cutoff) return false;
      return true;
    })
    .map((b) => b.id);
}
