/** Emitted after a directory.groups.sync run completed its pass. */
export interface DirectoryGroupsSynced {
  tenantId: string;
  runId: string;
  seen: number;
  deleted: number;
  at: Date;
}

declare module '../../../infrastructure/events/event-map' {
  interface EventMap {
    'directory.groups-synced': DirectoryGroupsSynced;
  }
}
