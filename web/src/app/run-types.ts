/** What the console knows about each run type: a label, and where to see what the run produced. */
export interface RunTypeInfo {
  label: string;
  produced?: (run: { id: string; tenantId?: string | null; result?: Record<string, unknown> | null }) => {
    to: string;
    label: string;
  } | null;
}

export const RUN_TYPES: Record<string, RunTypeInfo> = {
  'inventory.sync': {
    label: 'Inventory sync',
    produced: (run) => (run.tenantId ? { to: `/inventory/${run.tenantId}`, label: 'Open the inventory' } : null),
  },
  'directory.groups.sync': {
    label: 'Directory groups sync',
    produced: (run) => (run.tenantId ? { to: `/tenants/${run.tenantId}`, label: 'Open the tenant' } : null),
  },
  'tenant.verify': {
    label: 'Tenant verification',
    produced: (run) => (run.tenantId ? { to: `/tenants/${run.tenantId}`, label: 'See the verification result' } : null),
  },
  'backup.create': {
    label: 'Backup',
    produced: (run) => {
      const id = run.result?.backupId;
      return typeof id === 'string' ? { to: `/backups/${id}`, label: 'Open the backup' } : null;
    },
  },
  'restore.preview': {
    label: 'Restore preview',
    produced: (run) => {
      const id = run.result?.planId;
      return typeof id === 'string' ? { to: `/restore/plans/${id}`, label: 'Open the restore plan' } : null;
    },
  },
  'backup.prune': {
    label: 'Backup retention',
    produced: (run) => (run.tenantId ? { to: `/backups?tenant=${run.tenantId}`, label: 'Open the backups' } : null),
  },
  'backup.compare-live': {
    label: 'Compare backup to live',
    produced: (run) => {
      const id = run.result?.backupItemId;
      return typeof id === 'string' ? { to: `/backups/items/${id}`, label: 'Open the backed-up object' } : null;
    },
  },
  'restore.execute': {
    label: 'Restore',
    produced: (run) => ({ to: `/restore/runs/${run.id}`, label: 'See the per-object results' }),
  },
};

export const runTypeLabel = (type: string): string => RUN_TYPES[type]?.label ?? type;
