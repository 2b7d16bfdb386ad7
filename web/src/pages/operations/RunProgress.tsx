import { Group, Progress, Text } from '@mantine/core';
import type { RunFieldsFragment } from '../../gql/graphql';

/** processed / total as a bar with the numbers beside it (total 0: nothing to count yet). */
export function RunProgress({ run, label }: { run: RunFieldsFragment; label: string }) {
  const { processed, total } = run.summaryCounts;
  const value = total > 0 ? Math.min(100, (processed / total) * 100) : run.status === 'COMPLETED' ? 100 : 0;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={value} w={100} aria-label={label} animated={run.status === 'RUNNING'} />
      <Text size="xs">{total > 0 ? `${processed}/${total}` : '—'}</Text>
    </Group>
  );
}
