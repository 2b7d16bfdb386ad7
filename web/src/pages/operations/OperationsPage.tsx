import { Anchor, Button, Group, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { MeQuery, TenantOptionsQuery } from '../../api/documents';
import { between, formatDateTime, formatDuration, shortId } from '../../app/format';
import { RUN_TYPES, runTypeLabel } from '../../app/run-types';
import { PageState, ErrorAlert } from '../../components/PageState';
import { RunStatusBadge } from '../../components/RunStatusBadge';
import { graphql } from '../../gql';
import type { RunFieldsFragment } from '../../gql/graphql';
import { useRunUpdates } from '../../live/useRunUpdates';
import { applyUpdates } from '../../live/versioned';
import { filterFromParams, matchesFilter, WINDOWS } from './run-filter';
import { RunProgress } from './RunProgress';

const RunsQuery = graphql(`
  query OperationRuns($filter: OperationRunFilterInput, $first: Int!, $after: String) {
    operationRuns(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          ...RunFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE = 25;

/** Every run the caller may see, filtered as the API allows, newest first; new and changed runs appear live. */
export default function OperationsPage() {
  const [params, setParams] = useSearchParams();
  const client = useClient();
  const [{ data: me }] = useQuery({ query: MeQuery });
  const [{ data: tenantData }] = useQuery({ query: TenantOptionsQuery });
  const meId = me?.me.id;
  const filter = useMemo(() => filterFromParams(params, meId), [params, meId]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RunsQuery,
    variables: { filter, first: PAGE },
    requestPolicy: 'network-only',
    pause: params.get('initiator') === 'me' && !meId,
  });
  const [rows, setRows] = useState<RunFieldsFragment[]>([]);
  const [older, setOlder] = useState<{
    cursor: string | null;
    hasNext: boolean;
    loading: boolean;
    error: Error | null;
  }>({
    cursor: null,
    hasNext: false,
    loading: false,
    error: null,
  });

  // A fresh first page (filters changed, or re-read after a reconnect) replaces what was shown.
  const [shown, setShown] = useState(data);
  if (data && data !== shown) {
    setShown(data);
    setRows(data.operationRuns.edges.map((e) => e.node as RunFieldsFragment));
    setOlder({
      cursor: data.operationRuns.pageInfo.endCursor ?? null,
      hasNext: data.operationRuns.pageInfo.hasNextPage,
      loading: false,
      error: null,
    });
  }

  const tenants = useMemo(() => tenantData?.tenants ?? [], [tenantData]);
  const tenantName = useMemo(() => new Map(tenants.map((t) => [t.id, t.displayName])), [tenants]);
  const tenantIds = useMemo(
    () => (filter.tenantId ? [filter.tenantId] : tenants.map((t) => t.id)),
    [filter.tenantId, tenants],
  );
  useRunUpdates(
    { tenantIds },
    useCallback(
      (runs) => setRows((current) => applyUpdates(current, runs, (run) => matchesFilter(run, filter))),
      [filter],
    ),
    useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]),
  );

  const loadOlder = async () => {
    setOlder((o) => ({ ...o, loading: true, error: null }));
    const result = await client
      .query(RunsQuery, { filter, first: PAGE, after: older.cursor }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error || !result.data) {
      setOlder((o) => ({ ...o, loading: false, error: result.error ?? new Error('No data') }));
      return;
    }
    const page = result.data.operationRuns;
    setRows((current) => {
      const known = new Set(current.map((r) => r.id));
      return [...current, ...page.edges.map((e) => e.node as RunFieldsFragment).filter((r) => !known.has(r.id))];
    });
    setOlder({
      cursor: page.pageInfo.endCursor ?? null,
      hasNext: page.pageInfo.hasNextPage,
      loading: false,
      error: null,
    });
  };

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'window' && value) {
      next.delete('from');
      next.delete('to');
    }
    if ((key === 'from' || key === 'to') && value) next.delete('window');
    setParams(next);
  };

  return (
    <>
      <Title order={1} mb="md">
        Operations
      </Title>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 4 }}
        mb="md"
        component="form"
        role="search"
        aria-label="Filter runs"
        onSubmit={(e) => e.preventDefault()}
      >
        <Select
          label="Tenant"
          placeholder="All tenants"
          clearable
          searchable
          data={tenants.map((t) => ({ value: t.id, label: t.displayName }))}
          value={params.get('tenant')}
          onChange={(v) => setParam('tenant', v)}
        />
        <Select
          label="Type"
          placeholder="All types"
          clearable
          data={Object.entries(RUN_TYPES).map(([value, t]) => ({ value, label: t.label }))}
          value={params.get('type')}
          onChange={(v) => setParam('type', v)}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={[
            { value: 'QUEUED', label: 'Queued' },
            { value: 'RUNNING', label: 'Running' },
            { value: 'COMPLETED', label: 'Completed' },
          ]}
          value={params.get('status')}
          onChange={(v) => setParam('status', v)}
        />
        <Select
          label="Outcome"
          placeholder="Any outcome"
          clearable
          data={[
            { value: 'SUCCEEDED', label: 'Succeeded' },
            { value: 'PARTIALLY_SUCCEEDED', label: 'Partially succeeded' },
            { value: 'FAILED', label: 'Failed' },
            { value: 'CANCELLED', label: 'Cancelled' },
            { value: 'TIMED_OUT', label: 'Timed out' },
          ]}
          value={params.get('outcome')}
          onChange={(v) => setParam('outcome', v)}
        />
        <Select
          label="Started by"
          placeholder="Anyone"
          clearable
          data={[{ value: 'me', label: 'Me' }]}
          value={params.get('initiator')}
          onChange={(v) => setParam('initiator', v)}
        />
        <Select
          label="Time window"
          placeholder="Any time"
          clearable
          data={Object.entries(WINDOWS).map(([value, w]) => ({ value, label: w.label }))}
          value={params.get('window')}
          onChange={(v) => setParam('window', v)}
        />
        <DateTimePicker
          label="Created from"
          clearable
          value={params.get('from')}
          onChange={(v) => setParam('from', v ? new Date(v).toISOString() : null)}
        />
        <DateTimePicker
          label="Created before"
          clearable
          value={params.get('to')}
          onChange={(v) => setParam('to', v ? new Date(v).toISOString() : null)}
        />
      </SimpleGrid>
      <PageState
        label="runs"
        fetching={fetching}
        error={error}
        hasData={!!data}
        empty={rows.length === 0}
        emptyText="No runs match these filters yet. Runs appear here as soon as they start."
      >
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Run</Table.Th>
                <Table.Th scope="col">Tenant</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Progress</Table.Th>
                <Table.Th scope="col">Started by</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Duration</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((run) => (
                <Table.Tr key={run.id} data-run-id={run.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/operations/${run.id}`} title={run.id}>
                      {runTypeLabel(run.type)} {shortId(run.id)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {run.tenantId ? (tenantName.get(run.tenantId) ?? shortId(run.tenantId)) : 'Workspace'}
                  </Table.Td>
                  <Table.Td>
                    <RunStatusBadge status={run.status} outcome={run.outcome} />
                  </Table.Td>
                  <Table.Td>
                    <RunProgress run={run} label={`Progress of ${runTypeLabel(run.type)} ${shortId(run.id)}`} />
                  </Table.Td>
                  <Table.Td>
                    {run.initiatorUserId ? (run.initiatorUserId === meId ? 'You' : run.initiatorUserId) : 'Schedule'}
                  </Table.Td>
                  <Table.Td>{formatDateTime(run.createdAt)}</Table.Td>
                  <Table.Td>{formatDuration(between(run.startedAt ?? run.createdAt, run.finishedAt))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={older.error} title="Older runs could not be loaded" />
        <Group justify="center" mt="md">
          {older.hasNext ? (
            <Button variant="default" onClick={() => void loadOlder()} loading={older.loading}>
              Load older runs
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {rows.length} run{rows.length === 1 ? '' : 's'}, no older ones.
            </Text>
          )}
        </Group>
      </PageState>
    </>
  );
}
