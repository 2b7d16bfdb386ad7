import { OperationRuns1764200000000 } from './1764200000000-OperationRuns';
import { Notifications1764200100000 } from './1764200100000-Notifications';
import { Tenants1764201000000 } from './1764201000000-Tenants';
import { Rbac1764201100000 } from './1764201100000-Rbac';
import { Audit1764201200000 } from './1764201200000-Audit';
import { Inventory1764202000000 } from './1764202000000-Inventory';
import { OperationRunsOpenIndexes1764203000000 } from './1764203000000-OperationRunsOpenIndexes';
import { Outbox1764210000000 } from './1764210000000-Outbox';
import { Backups1764220000000 } from './1764220000000-Backups';
import { SettingDefinitionLabels1764220500000 } from './1764220500000-SettingDefinitionLabels';
import { BackupRetention1764220600000 } from './1764220600000-BackupRetention';
import { Restore1764230000000 } from './1764230000000-Restore';
import { BackupItemSets1764240000000 } from './1764240000000-BackupItemSets';
/** Every migration, in order. Listed explicitly (no glob) so the app, the CLI and jest load the same set. */
export const MIGRATIONS: Function[] = [
  OperationRuns1764200000000,
  Notifications1764200100000,
  Tenants1764201000000,
  Rbac1764201100000,
  Audit1764201200000,
  Inventory1764202000000,
  OperationRunsOpenIndexes1764203000000,
  Outbox1764210000000,
  Backups1764220000000,
  SettingDefinitionLabels1764220500000,
  BackupRetention1764220600000,
  Restore1764230000000,
  BackupItemSets1764240000000,
];
