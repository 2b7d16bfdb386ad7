import { Anchor, Breadcrumbs, Group, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { RunByIdQuery, TenantOptionsQuery } from '../../api/documents';
import { between, formatDateTime, formatDuration } from '../../app/format';
import { denyReason } from '../../app/roles';
import { RUN_TYPES, runTypeLabel } from '../../app/run-types';
import { GuardedButton } from '../../components/GuardedButton';
import { ErrorAlert, PageState } from '../../components/PageState';
import { outcomeLabel, RunStatusBadge } from '../../components/RunStatusBadge';
import { graphql } from '../../gql';
import type { RunByIdQuery as RunByIdResult, RunFieldsFragment } from '../../gql/graphql';
import { useRunUpdates } from '../../live/useRunUpdates';
import { isNewer } from '../../live/versioned';
import { RunProgress } from './RunProgress';

const CancelRun = graphql(`
  mutation CancelRun($id: ID!) {
    cancelOperationRun(id: $id) {
      ...RunFields
    }
  }
`);

type RunDetail = RunByIdResult['operationRun'];

const METRIC_LABELS: Record<string, string> = {
  throttled429: '429 (throttled) responses',
  graphRequests: 'Graph requests',
  graphWaitedMs: 'Time waiting on Graph',
  objectsSeen: 'Objects seen',
  objectsAdded: 'Objects added',
  objectsMissing: 'Objects now missing',
};
const COUNT_KEYS = new Set(['total', 'processed', 'succeeded', 'failed', 'skipped']);

const metricValue = (key: string, value: unknown): string =>
  /Ms$/.test(key) && typeof value === 'number' ? formatDuration(value) : String(value);

/** One run: where it is (timeline), how far (counts per type), what went wrong, what it cost, what it produced. */
export default function RunDetailPage() {
  const { runId = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RunByIdQuery,
    variables: { id: runId },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: tenants }] = useQuery({ query: TenantOptionsQuery });
  const [live, setLive] = useState<RunFieldsFragment | null>(null);
  const [cancel, cancelRun] = useMutation(CancelRun);
  const fetched = data?.operationRun as RunDetail | undefined;
  const reread = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  useRunUpdates(
    { runId },
    useCallback(
      (runs: RunFieldsFragment[]) => {
        setLive((current) => {
          const next = runs.reduce<RunFieldsFragment | null>(
            (best, r) => (!best || isNewer(best, r) ? r : best),
            current,
          );
          // The end of a run brings its result and failures: read them once.
          if (next && next.status === 'COMPLETED' && current?.status !== 'COMPLETED') reread();
          return next;
        });
      },
      [reread],
    ),
    reread,
  );

  const run: RunDetail | undefined = useMemo(() => {
    if (!fetched) return undefined;
    return live && isNewer(fetched, live) ? { ...fetched, ...live } : fetched;
  }, [fetched, live]);
  const tenant = tenants?.tenants.find((t) => t.id === run?.tenantId);

  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/operations">
          Operations
        </Anchor>
        <Text>{run ? runTypeLabel(run.type) : '…'}</Text>
      </Breadcrumbs>
      <PageState label="the run" fetching={fetching} error={error} hasData={!!run}>
        {run && (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1}>{runTypeLabel(run.type)}</Title>
                <Group gap="xs" mt={4}>
                  <RunStatusBadge status={run.status} outcome={run.outcome} />
                  <Text size="sm" c="dimmed">
                    {tenant ? (
                      <Anchor component={Link} to={`/tenants/${tenant.id}`}>
                        {tenant.displayName}
                      </Anchor>
                    ) : (
                      (run.tenantId ?? 'Workspace-wide')
                    )}{' '}
                    · attempt {run.attempt} · {run.id}
                  </Text>
                </Group>
              </div>
              {run.status !== 'COMPLETED' && (
                <GuardedButton
                  color="red"
                  variant="light"
                  reason={
                    run.cancelRequestedAt
                      ? 'Cancellation was requested; the run stops at its next step'
                      : tenant
                        ? denyReason(tenant, 'OPERATOR', 'cancel runs')
                        : null
                  }
                  loading={cancel.fetching}
                  onClick={() => void cancelRun({ id: run.id })}
                >
                  Cancel run
                </GuardedButton>
              )}
            </Group>
            <ErrorAlert error={cancel.error ?? null} title="The run was not cancelled" />
            <ProducedLink run={run} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  Timeline
                </Title>
                <RunTimeline run={run} />
              </Paper>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  Progress
                </Title>
                <RunProgress run={run} label="Run progress" />
                <Table mt="sm" variant="vertical">
                  <Table.Tbody>
                    {(['total', 'processed', 'succeeded', 'failed', 'skipped'] as const).map((k) => (
                      <Table.Tr key={k}>
                        <Table.Th>{k[0].toUpperCase() + k.slice(1)}</Table.Th>
                        <Table.Td>{run.summaryCounts[k]}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </SimpleGrid>
            <PerTypeTable run={run} />
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Metrics
              </Title>
              <Metrics run={run} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Failures
              </Title>
              {run.failures && run.failures.length > 0 ? (
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">When</Table.Th>
                      <Table.Th scope="col">Item</Table.Th>
                      <Table.Th scope="col">Code</Table.Th>
                      <Table.Th scope="col">Message</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {run.failures.map((f, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{formatDateTime(f.at)}</Table.Td>
                        <Table.Td>{f.item ?? '—'}</Table.Td>
                        <Table.Td>{f.code ?? '—'}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text c="dimmed">No failures{run.status === 'COMPLETED' ? '.' : ' so far.'}</Text>
              )}
            </Paper>
          </Stack>
        )}
      </PageState>
    </>
  );
}

function RunTimeline({ run }: { run: RunDetail }) {
  const steps = [
    { title: 'Queued', at: run.createdAt, text: run.initiatorUserId ? `by ${run.initiatorUserId}` : 'by the schedule' },
    ...(run.startedAt
      ? [
          {
            title: 'Running',
            at: run.startedAt,
            text: `waited ${formatDuration(between(run.createdAt, run.startedAt))} in the queue`,
          },
        ]
      : []),
    ...(run.cancelRequestedAt ? [{ title: 'Cancellation requested', at: run.cancelRequestedAt, text: '' }] : []),
    ...(run.finishedAt
      ? [
          {
            title: run.outcome ? outcomeLabel(run.outcome) : 'Completed',
            at: run.finishedAt,
            text: `after ${formatDuration(between(run.startedAt ?? run.createdAt, run.finishedAt))}`,
          },
        ]
      : []),
  ];
  return (
    <Timeline active={steps.length - 1} bulletSize={18} lineWidth={2}>
      {steps.map((s) => (
        <Timeline.Item key={s.title} title={s.title}>
          <Text size="sm">{formatDateTime(s.at)}</Text>
          {s.text && (
            <Text size="xs" c="dimmed">
              {s.text}
            </Text>
          )}
        </Timeline.Item>
      ))}
      {run.status !== 'COMPLETED' && run.heartbeatAt && (
        <Timeline.Item title="Last heartbeat">
          <Text size="sm">{formatDateTime(run.heartbeatAt)}</Text>
        </Timeline.Item>
      )}
    </Timeline>
  );
}

/** Per type (inventory sync) or per phase, from the run's result once it ends. */
function PerTypeTable({ run }: { run: RunDetail }) {
  const types = (run.result?.types ?? null) as Record<string, Record<string, unknown>> | null;
  if (!types) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Per type
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Seen</Table.Th>
              <Table.Th scope="col">Added</Table.Th>
              <Table.Th scope="col">Missing</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(types).map(([typeKey, t]) => (
              <Table.Tr key={typeKey}>
                <Table.Td>{typeKey}</Table.Td>
                <Table.Td>{String(t.status ?? '—')}</Table.Td>
                <Table.Td>{String(t.seen ?? '—')}</Table.Td>
                <Table.Td>{String(t.added ?? '—')}</Table.Td>
                <Table.Td>{String(t.missing ?? '—')}</Table.Td>
                <Table.Td>{t.reason ? String(t.reason) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function Metrics({ run }: { run: RunDetail }) {
  const metrics = Object.entries(run.summaryCounts.metrics ?? {}).filter(([k]) => !COUNT_KEYS.has(k));
  if (!metrics.length) return <Text c="dimmed">No metrics reported{run.status === 'COMPLETED' ? '.' : ' yet.'}</Text>;
  return (
    <Table variant="vertical">
      <Table.Tbody>
        {metrics.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th>{METRIC_LABELS[k] ?? k}</Table.Th>
            <Table.Td>{metricValue(k, v)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ProducedLink({ run }: { run: RunDetail }) {
  if (run.status !== 'COMPLETED') return null;
  const link = RUN_TYPES[run.type]?.produced?.({ id: run.id, tenantId: run.tenantId, result: run.result ?? null });
  if (!link) return null;
  return (
    <Anchor component={Link} to={link.to}>
      {link.label}
    </Anchor>
  );
}
