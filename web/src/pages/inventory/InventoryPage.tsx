import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { TenantOptionsQuery } from '../../api/documents';
import { formatDateTime } from '../../app/format';
import { ErrorAlert, PageState } from '../../components/PageState';
import { TenantPicker } from '../../components/TenantPicker';
import { graphql } from '../../gql';
import type { InventoryItemFilterInput, InventoryItemsQuery } from '../../gql/graphql';
import { SyncInventoryButton } from '../tenants/SyncInventoryButton';

const SummaryQuery = graphql(`
  query InventorySummary($tenantId: ID!) {
    inventorySummary(tenantId: $tenantId) {
      totalPresent
      totalMissing
      lastSyncAt
      lastRunId
      types {
        typeKey
        label
        present
        missing
        lastStatus
        lastReason
        lastCompleteSyncAt
      }
    }
  }
`);
const ItemsQuery = graphql(`
  query InventoryItems($tenantId: ID!, $filter: InventoryItemFilterInput, $first: Int, $after: String) {
    inventoryItems(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          name
          typeKey
          platform
          lastModifiedAt
          lastSeenAt
          missingSince
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Item = InventoryItemsQuery['inventoryItems']['edges'][number]['node'];
const PLATFORMS = ['windows10', 'iOS', 'macOS', 'android', 'androidForWork', 'linux', 'all'];
const PAGE = 50;

/** What a tenant has configured, as last observed: counts per type, then the objects with filters. */
export default function InventoryPage() {
  const { tenantId } = useParams();
  const navigate = useNavigate();
  const [{ data: tenants }] = useQuery({ query: TenantOptionsQuery });
  // No tenant in the URL: the first one the caller may see.
  useEffect(() => {
    if (!tenantId && tenants?.tenants.length) navigate(`/inventory/${tenants.tenants[0].id}`, { replace: true });
  }, [tenantId, tenants, navigate]);
  const tenant = tenants?.tenants.find((t) => t.id === tenantId);

  return (
    <>
      <Title order={1} mb="md">
        Inventory
      </Title>
      <Group align="flex-end" justify="space-between" mb="md">
        <TenantPicker value={tenantId ?? null} onChange={(id) => id && navigate(`/inventory/${id}`)} />
        {tenant && <SyncInventoryButton key={tenant.id} tenant={tenant} />}
      </Group>
      {tenants && tenants.tenants.length === 0 && <Text c="dimmed">You have no tenants yet.</Text>}
      {tenantId && <TenantInventory key={tenantId} tenantId={tenantId} />}
    </>
  );
}

function TenantInventory({ tenantId }: { tenantId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: SummaryQuery, variables: { tenantId } });
  const summary = data?.inventorySummary;
  return (
    <PageState label="the inventory summary" fetching={fetching} error={error} hasData={!!summary}>
      {summary && (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder p="md">
              <Text size="sm">Objects present</Text>
              <Text fz={28} fw={700}>
                {summary.totalPresent}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm">Missing since last seen</Text>
              <Text fz={28} fw={700}>
                {summary.totalMissing}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm">Last sync</Text>
              <Text fw={700}>{formatDateTime(summary.lastSyncAt)}</Text>
              {summary.lastRunId && (
                <Anchor component={Link} to={`/operations/${summary.lastRunId}`} size="sm">
                  Open the run
                </Anchor>
              )}
            </Paper>
          </SimpleGrid>
          {summary.totalPresent + summary.totalMissing === 0 ? (
            <Text c="dimmed">Nothing observed yet: sync the inventory to read what the tenant has.</Text>
          ) : (
            <>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  Per type
                </Title>
                <Table.ScrollContainer minWidth={700}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Type</Table.Th>
                        <Table.Th scope="col">Present</Table.Th>
                        <Table.Th scope="col">Missing</Table.Th>
                        <Table.Th scope="col">Last pass</Table.Th>
                        <Table.Th scope="col">Last complete sync</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {summary.types.map((t) => (
                        <Table.Tr key={t.typeKey}>
                          <Table.Td>{t.label}</Table.Td>
                          <Table.Td>{t.present}</Table.Td>
                          <Table.Td>{t.missing}</Table.Td>
                          <Table.Td>
                            {t.lastStatus ?? 'never'}
                            {t.lastReason && (
                              <Text size="xs" c="dimmed">
                                {t.lastReason}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{formatDateTime(t.lastCompleteSyncAt)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
              <Items tenantId={tenantId} types={summary.types.map((t) => ({ value: t.typeKey, label: t.label }))} />
            </>
          )}
        </Stack>
      )}
    </PageState>
  );
}

function Items({ tenantId, types }: { tenantId: string; types: { value: string; label: string }[] }) {
  const [params, setParams] = useSearchParams();
  const client = useClient();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const selectedTypes = params.getAll('type');
  const platform = params.get('platform');
  const missing = params.get('missing') ?? 'present';
  const update = (patch: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      next.delete(k);
      for (const value of Array.isArray(v) ? v : v ? [v] : []) next.append(k, value);
    }
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) update({ q: debounced || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the debounced text changes
  }, [debounced]);

  const paramKey = params.toString();
  const filter: InventoryItemFilterInput = useMemo(
    () => ({
      ...(debounced ? { search: debounced } : {}),
      ...(selectedTypes.length ? { types: selectedTypes } : {}),
      ...(platform ? { platform } : {}),
      ...(missing === 'all' ? {} : { missing: missing === 'missing' }),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- types, platform and missing come from paramKey
    [debounced, paramKey],
  );
  const [{ data, fetching, error }] = useQuery({ query: ItemsQuery, variables: { tenantId, filter, first: PAGE } });
  const [more, setMore] = useState<{
    items: Item[];
    cursor: string | null;
    hasNext: boolean;
    loading: boolean;
    error: Error | null;
  }>({
    items: [],
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
      items: [],
      cursor: data.inventoryItems.pageInfo.endCursor ?? null,
      hasNext: data.inventoryItems.pageInfo.hasNextPage,
      loading: false,
      error: null,
    });
  }
  const items = [...(data?.inventoryItems.edges.map((e) => e.node) ?? []), ...more.items];

  const loadMore = async () => {
    setMore((m) => ({ ...m, loading: true }));
    const result = await client.query(ItemsQuery, { tenantId, filter, first: PAGE, after: more.cursor }).toPromise();
    const page = result.data?.inventoryItems;
    setMore((m) =>
      page
        ? {
            items: [...m.items, ...page.edges.map((e) => e.node)],
            cursor: page.pageInfo.endCursor ?? null,
            hasNext: page.pageInfo.hasNextPage,
            loading: false,
            error: null,
          }
        : { ...m, loading: false, error: result.error ?? new Error('No data') },
    );
  };

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Objects
      </Title>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 4 }}
        mb="md"
        component="form"
        role="search"
        aria-label="Filter objects"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextInput label="Search by name" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <MultiSelect
          label="Types"
          placeholder="All types"
          data={types}
          value={selectedTypes}
          onChange={(v) => update({ type: v })}
          searchable
          clearable
        />
        <TextInput
          label="Platform"
          placeholder="Any platform"
          list="platforms"
          value={platform ?? ''}
          onChange={(e) => update({ platform: e.currentTarget.value || null })}
        />
        <datalist id="platforms">
          {PLATFORMS.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <div>
          <Text size="sm" fw={500} id="missing-label" mb={4}>
            Show
          </Text>
          <SegmentedControl
            aria-labelledby="missing-label"
            value={missing}
            onChange={(v) => update({ missing: v === 'present' ? null : v })}
            data={[
              { value: 'present', label: 'Present' },
              { value: 'missing', label: 'Missing' },
              { value: 'all', label: 'All' },
            ]}
          />
        </div>
      </SimpleGrid>
      <PageState
        label="objects"
        fetching={fetching}
        error={error}
        hasData={!!data}
        empty={items.length === 0}
        emptyText="No objects match these filters."
      >
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover aria-label="Objects">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Platform</Table.Th>
                <Table.Th scope="col">Last modified</Table.Th>
                <Table.Th scope="col">Last seen</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/inventory/items/${item.id}`}>
                      {item.name}
                    </Anchor>
                    {item.missingSince && (
                      <Badge ml="xs" color="orange" variant="filled">
                        Missing
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{types.find((t) => t.value === item.typeKey)?.label ?? item.typeKey}</Table.Td>
                  <Table.Td>{item.platform ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(item.lastModifiedAt)}</Table.Td>
                  <Table.Td>{formatDateTime(item.lastSeenAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={more.error} title="More objects could not be loaded" />
        {more.hasNext && (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => void loadMore()} loading={more.loading}>
              Load more objects
            </Button>
          </Group>
        )}
      </PageState>
    </Paper>
  );
}
