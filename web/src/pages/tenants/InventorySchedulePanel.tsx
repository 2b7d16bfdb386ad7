import { Button, Group, List, Paper, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { nextOccurrences } from '../../app/cron';
import { formatDateTime } from '../../app/format';
import { denyReason } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { ErrorAlert } from '../../components/PageState';
import type { TenantSummaryFieldsFragment } from '../../gql/graphql';
import { SetInventorySchedule } from './tenant-detail-documents';

/** The tenant's inventory sync schedule: a five-field cron in UTC, previewed as its next three runs. */
export function InventorySchedulePanel({
  tenant,
  schedule,
}: {
  tenant: TenantSummaryFieldsFragment;
  schedule: { cron: string; updatedAt: string } | null;
}) {
  const [cron, setCron] = useState(schedule?.cron ?? '');
  const [{ fetching, error }, save] = useMutation(SetInventorySchedule);
  const preview = useMemo(() => (cron.trim() ? nextOccurrences(cron) : null), [cron]);
  const reason = denyReason(tenant, 'OPERATOR', 'change the schedule');
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Inventory schedule
      </Title>
      <Text size="sm" mb="xs">
        {schedule
          ? `Syncs on "${schedule.cron}" (UTC), set ${formatDateTime(schedule.updatedAt)}.`
          : 'No schedule: syncs run when started.'}
      </Text>
      <TextInput
        label="Cron expression (UTC)"
        description="Five fields: minute hour day-of-month month day-of-week, e.g. 0 3 * * *"
        value={cron}
        onChange={(e) => setCron(e.currentTarget.value)}
        error={preview && !preview.ok ? preview.error : undefined}
        readOnly={!!reason}
      />
      {preview?.ok && (
        <>
          <Text size="sm" mt="xs" id="next-runs">
            Next three runs:
          </Text>
          <List size="sm" aria-labelledby="next-runs">
            {preview.dates.map((d) => (
              <List.Item key={d.toISOString()}>{formatDateTime(d.toISOString())}</List.Item>
            ))}
          </List>
        </>
      )}
      <ErrorAlert error={error ?? null} title="The schedule was not saved" />
      <Group mt="sm">
        <GuardedButton
          reason={reason}
          loading={fetching}
          onClick={() => void save({ tenantId: tenant.id, cron: cron.trim() })}
        >
          Save schedule
        </GuardedButton>
        {schedule && (
          <GuardedButton
            reason={reason}
            variant="default"
            onClick={async () => {
              if (!(await save({ tenantId: tenant.id, cron: null })).error) setCron('');
            }}
          >
            Clear schedule
          </GuardedButton>
        )}
        {!schedule && !reason && (
          <Button variant="subtle" onClick={() => setCron('0 3 * * *')}>
            Daily at 03:00 UTC
          </Button>
        )}
      </Group>
    </Paper>
  );
}
