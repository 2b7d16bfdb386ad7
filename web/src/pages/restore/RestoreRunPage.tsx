import { Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { LiveRunStatus } from '../../components/LiveRunStatus';
import { PageState } from '../../components/PageState';
import type { RunFieldsFragment } from '../../gql/graphql';
import { useRunUpdates } from '../../live/useRunUpdates';
import { RestoreResultsQuery } from './restore-documents';
import { RestoreSteps } from './RestoreSteps';

const STATUS_COLORS: Record<string, string> = {
  SUCCEEDED: 'green',
  FAILED: 'red',
  SKIPPED: 'gray',
  CONFLICT: 'orange',
  BLOCKED: 'red',
};

/** A confirmed restore running: each object's result appears as it is written, without a reload; then the ledger. */
export default function RestoreRunPage() {
  const { runId = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RestoreResultsQuery,
    variables: { runId },
    requestPolicy: 'network-only',
  });
  const reread = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  // Every progress message of the run (coalesced) re-reads the results: each written item shows up as it lands.
  useRunUpdates({ runId }, reread, reread);
  const run = data?.operationRun as RunFieldsFragment | undefined;
  const results = data?.restoreResults ?? [];

  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/restore">
          Restore
        </Anchor>
        <Text>Results</Text>
      </Breadcrumbs>
      <Title order={1} mb="md">
        Restore
      </Title>
      <RestoreSteps step="execute" done={run?.status === 'COMPLETED'} />
      <PageState label="the restore results" fetching={fetching} error={error} hasData={!!data}>
        {run && (
          <Stack>
            <Group justify="space-between">
              <LiveRunStatus run={run} onCompleted={reread} />
              {run.tenantId && (
                <Anchor component={Link} to={`/restore/ledger/${run.tenantId}`}>
                  Open the ID ledger of the target
                </Anchor>
              )}
            </Group>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Per-object results ({results.length}
                {run.summaryCounts.total ? ` of ${run.summaryCounts.total}` : ''})
              </Title>
              {results.length === 0 ? (
                <Text c="dimmed">No object written yet.</Text>
              ) : (
                <Table.ScrollContainer minWidth={700}>
                  <Table striped aria-label="Restore results">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Object</Table.Th>
                        <Table.Th scope="col">Result</Table.Th>
                        <Table.Th scope="col">Target id</Table.Th>
                        <Table.Th scope="col">Message</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {results.map((r) => (
                        <Table.Tr key={r.id}>
                          <Table.Td>
                            <Text size="sm">{r.displayName}</Text>
                            <Text size="xs" c="dimmed">
                              {r.typeKey}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge color={STATUS_COLORS[r.status] ?? 'gray'} variant="filled">
                              {r.status.toLowerCase()}
                            </Badge>
                          </Table.Td>
                          <Table.Td style={{ wordBreak: 'break-all' }}>{r.targetId ?? '—'}</Table.Td>
                          <Table.Td>{r.message ?? ''}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
          </Stack>
        )}
      </PageState>
    </>
  );
}
