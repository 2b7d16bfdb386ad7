import { useMutation } from 'urql';
import { denyReason } from '../../app/roles';
import { SchedulePanel } from '../../components/SchedulePanel';
import type { TenantSummaryFieldsFragment } from '../../gql/graphql';
import { SetInventorySchedule } from './tenant-detail-documents';

/** The tenant's inventory sync schedule. */
export function InventorySchedulePanel({
  tenant,
  schedule,
}: {
  tenant: TenantSummaryFieldsFragment;
  schedule: { cron: string; updatedAt: string } | null;
}) {
  const [{ fetching, error }, save] = useMutation(SetInventorySchedule);
  return (
    <SchedulePanel
      title="Inventory schedule"
      runs="Syncs"
      schedule={schedule}
      reason={denyReason(tenant, 'OPERATOR', 'change the schedule')}
      saving={fetching}
      error={error ?? null}
      save={(cron) => save({ tenantId: tenant.id, cron })}
    />
  );
}
