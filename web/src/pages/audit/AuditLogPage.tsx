import { Button, Code, Group, SimpleGrid, Spoiler, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { TenantOptionsQuery } from '../../api/documents';
import { formatDateTime } from '../../app/format';
import { ErrorAlert, PageState } from '../../components/PageState';
import { TenantPicker } from '../../components/TenantPicker';
import { graphql } from '../../gql';
import type { AuditEventFilter, AuditEventsQuery } from '../../gql/graphql';

const AuditQuery = graphql(`
  query AuditEvents($tenantId: ID!, $filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          at
          action
          actorId
          actorUpn
          targetType
          targetId
          requestId
          metadataJson
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
type AuditEvent = AuditEventsQuery['auditEvents']['edges'][number]['node'];
const PAGE = 50;

/** A tenant's audit trail (tenant admins), newest first, filtered by action, actor, target and time. */
export default function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const [{ data: tenants }] = useQuery({ query: TenantOptionsQuery });
  const tenantId = params.get('tenant');
  const adminTenants = tenants?.tenants.filter((t) => t.myRole === 'ADMIN') ?? [];
  const set = (patch: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      next.delete(k);
      for (const value of Array.isArray(v) ? v : v ? [v] : []) next.append(k, value);
    }
    setParams(next);
  };
  useEffect(() => {
    if (!tenantId && adminTenants.length) set({ tenant: adminTenants[0].id });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pick a default once the tenants are known
  }, [tenantId, adminTenants.length]);

  return (
    <>
      <Title order={1} mb="md">
        Audit log
      </Title>
      <TenantPicker minRole="ADMIN" value={tenantId} onChange={(id) => set({ tenant: id })} />
      {tenants && adminTenants.length === 0 && (
        <Text c="dimmed" mt="md">
          The audit log is for tenant admins: you are not an admin of any tenant.
        </Text>
      )}
      {tenantId && <AuditTable key={tenantId} tenantId={tenantId} params={params} set={set} />}
    </>
  );
}

function AuditTable({
  tenantId,
  params,
  set,
}: {
  tenantId: string;
  params: URLSearchParams;
  set: (patch: Record<string, string | string[] | null>) => void;
}) {
  const client = useClient();
  const [actor, setActor] = useState(params.get('actor') ?? '');
  const filter: AuditEventFilter = useMemo(() => {
    const f: AuditEventFilter = {};
    const actions = params.getAll('action');
    if (actions.length) f.actions = actions;
    if (params.get('actor')) f.actorId = params.get('actor');
    if (params.get('target')) f.targetType = params.get('target');
    if (params.get('since')) f.since = params.get('since');
    if (params.get('until')) f.until = params.get('until');
    return f;
  }, [params]);
  const [{ data, fetching, error }] = useQuery({ query: AuditQuery, variables: { tenantId, filter, first: PAGE } });
  const [more, setMore] = useState<{
    rows: AuditEvent[];
    cursor: string | null;
    hasNext: boolean;
    loading: boolean;
    error: Error | null;
  }>({
    rows: [],
    cursor: null,
    hasNext: false,
    loading: false,
    error: null,
  });
  // A fresh first page (filters changed) drops the pages loaded after it.
  const [shown, setShown] = useState(data);
  if (data && data !== shown) {
    setShown(data);
    setMore({
      rows: [],
      cursor: data.auditEvents.pageInfo.endCursor ?? null,
      hasNext: data.auditEvents.pageInfo.hasNextPage,
      loading: false,
      error: null,
    });
  }
  const rows = [...(data?.auditEvents.edges.map((e) => e.node) ?? []), ...more.rows];
  const loadMore = async () => {
    setMore((m) => ({ ...m, loading: true }));
    const result = await client.query(AuditQuery, { tenantId, filter, first: PAGE, after: more.cursor }).toPromise();
    const page = result.data?.auditEvents;
    setMore((m) =>
      page
        ? {
            rows: [...m.rows, ...page.edges.map((e) => e.node)],
            cursor: page.pageInfo.endCursor ?? null,
            hasNext: page.pageInfo.hasNextPage,
            loading: false,
            error: null,
          }
        : { ...m, loading: false, error: result.error ?? new Error('No data') },
    );
  };

  return (
    <>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 5 }}
        my="md"
        component="form"
        role="search"
        aria-label="Filter audit events"
        onSubmit={(e) => {
          e.preventDefault();
          set({ actor: actor.trim() || null });
        }}
      >
        <TagsInput
          label="Actions"
          placeholder="e.g. access.granted"
          value={params.getAll('action')}
          onChange={(v) => set({ action: v })}
        />
        <TextInput
          label="Actor id"
          placeholder="tid:oid (Enter to apply)"
          value={actor}
          onChange={(e) => setActor(e.currentTarget.value)}
          onBlur={() => set({ actor: actor.trim() || null })}
        />
        <TextInput
          label="Target type"
          placeholder="e.g. Tenant"
          defaultValue={params.get('target') ?? ''}
          onBlur={(e) => set({ target: e.currentTarget.value.trim() || null })}
        />
        <DateTimePicker
          label="Since"
          clearable
          value={params.get('since')}
          onChange={(v) => set({ since: v ? new Date(v).toISOString() : null })}
        />
        <DateTimePicker
          label="Until"
          clearable
          value={params.get('until')}
          onChange={(v) => set({ until: v ? new Date(v).toISOString() : null })}
        />
      </SimpleGrid>
      <PageState
        label="audit events"
        fetching={fetching}
        error={error}
        hasData={!!data}
        empty={rows.length === 0}
        emptyText="No audit events match these filters."
      >
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label="Audit events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Actor</Table.Th>
                <Table.Th scope="col">Target</Table.Th>
                <Table.Th scope="col">Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.action}</Table.Td>
                  <Table.Td>
                    {e.actorUpn ?? e.actorId}
                    {e.actorUpn && (
                      <Text size="xs" c="dimmed">
                        {e.actorId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.targetType}
                    {e.targetId && (
                      <Text size="xs" c="dimmed">
                        {e.targetId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Spoiler maxHeight={40} showLabel="Show details" hideLabel="Hide details">
                      <Code block>{JSON.stringify(JSON.parse(e.metadataJson), null, 2)}</Code>
                      {e.requestId && <Text size="xs">request {e.requestId}</Text>}
                    </Spoiler>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={more.error} title="Older events could not be loaded" />
        {more.hasNext && (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => void loadMore()} loading={more.loading}>
              Load older events
            </Button>
          </Group>
        )}
      </PageState>
    </>
  );
}
