import { useMutation, useQuery } from 'urql';
import { denyReason } from '../../app/roles';
import { SchedulePanel } from '../../components/SchedulePanel';
import { ErrorAlert } from '../../components/PageState';
import type { TenantRole } from '../../gql/graphql';
import { BackupScheduleQuery, SetBackupSchedule } from './backup-documents';

/** The tenant's backup schedule (operators set it; a scheduled backup and a manual one are never both active). */
export function BackupSchedulePanel({ tenant }: { tenant: { id: string; myRole: TenantRole; status: string } }) {
  const [{ data, error: readError }] = useQuery({ query: BackupScheduleQuery, variables: { tenantId: tenant.id } });
  const [{ fetching, error }, save] = useMutation(SetBackupSchedule);
  if (readError) return <ErrorAlert error={readError} title="The backup schedule could not be read" />;
  if (!data) return null;
  return (
    <SchedulePanel
      title="Backup schedule"
      runs="Backups"
      schedule={data.backupSchedule ?? null}
      reason={denyReason(tenant, 'OPERATOR', 'change the schedule')}
      saving={fetching}
      error={error ?? null}
      save={(cron) => save({ tenantId: tenant.id, cron })}
    />
  );
}
