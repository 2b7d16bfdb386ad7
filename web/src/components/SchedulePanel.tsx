import { Button, Group, List, Paper, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CombinedError } from 'urql';
import { nextOccurrences } from '../app/cron';
import { formatDateTime } from '../app/format';
import { GuardedButton } from './GuardedButton';
import { ErrorAlert } from './PageState';

/** A tenant's schedule of some run (inventory sync, backup): a five-field cron in UTC, previewed as its next three runs. */
export function SchedulePanel({
  title,
  runs,
  schedule,
  reason,
  saving,
  error,
  save,
}: {
  title: string;
  /** What runs, for the sentences: "Syncs", "Backups". */
  runs: string;
  schedule: { cron: string; updatedAt: string } | null;
  reason: string | null;
  saving: boolean;
  error: CombinedError | null;
  save: (cron: string | null) => Promise<{ error?: CombinedError }>;
}) {
  const [cron, setCron] = useState(schedule?.cron ?? '');
  const preview = useMemo(() => (cron.trim() ? nextOccurrences(cron) : null), [cron]);
  const id = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Text size="sm" mb="xs">
        {schedule
          ? `${runs} run on "${schedule.cron}" (UTC), set ${formatDateTime(schedule.updatedAt)}.`
          : `No schedule: ${runs.toLowerCase()} run when started.`}
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
          <Text size="sm" mt="xs" id={`${id}-next-runs`}>
            Next three runs:
          </Text>
          <List size="sm" aria-labelledby={`${id}-next-runs`}>
            {preview.dates.map((d) => (
              <List.Item key={d.toISOString()}>{formatDateTime(d.toISOString())}</List.Item>
            ))}
          </List>
        </>
      )}
      <ErrorAlert error={error} title="The schedule was not saved" />
      <Group mt="sm">
        <GuardedButton reason={reason} loading={saving} onClick={() => void save(cron.trim())}>
          Save schedule
        </GuardedButton>
        {schedule && (
          <GuardedButton
            reason={reason}
            variant="default"
            onClick={async () => {
              if (!(await save(null)).error) setCron('');
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
