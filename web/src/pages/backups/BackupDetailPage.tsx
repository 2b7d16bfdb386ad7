import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { usePagedQuery } from '../../api/usePagedQuery';
import { formatDateTime } from '../../app/format';
import { ErrorAlert, PageState } from '../../components/PageState';
import type { BackupItemFilterInput } from '../../gql/graphql';
import { BackupItemsQuery, BackupQuery, BackupsQuery } from './backup-documents';
import { ExportBackupButton } from './ExportBackupButton';

const PAGE = 50;

/** One backup: counts per type, secrets needing re-entry, its objects with filters, export, compare, restore. */
export default function BackupDetailPage() {
  const { backupId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: BackupQuery, variables: { id: backupId } });
  const backup = data?.backup;
  const title = backup ? `Backup of ${formatDateTime(backup.createdAt)}` : 'Backup';
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={backup ? `/backups?tenant=${backup.tenantId}` : '/backups'}>
          Backups
        </Anchor>
        <Text>{backup ? formatDateTime(backup.createdAt) : '…'}</Text>
      </Breadcrumbs>
      <PageState label="the backup" fetching={fetching} error={error} hasData={!!backup}>
        {backup && (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1}>{title}</Title>
                <Text c="dimmed" size="sm">
                  {backup.itemCount} objects · {backup.newVersionCount} new or changed · {backup.source} ·{' '}
                  {backup.status}
                  {backup.runId && (
                    <>
                      {' · '}
                      <Anchor component={Link} to={`/operations/${backup.runId}`} size="sm">
                        the run that took it
                      </Anchor>
                    </>
                  )}
                </Text>
              </div>
              <Group align="flex-start">
                {backup.status === 'completed' && (
                  <ExportBackupButton backupId={backup.id} fileName={`backup-${backup.createdAt.slice(0, 10)}.zip`} />
                )}
                <Button component={Link} to={`/restore?backup=${backup.id}`} variant="default">
                  Restore from this backup
                </Button>
              </Group>
            </Group>
            {backup.needsSecretReentryCount > 0 && (
              <Alert color="yellow" title="Secrets need re-entry">
                {backup.needsSecretReentryCount} object(s) hold secret values Graph returns only as placeholders: a
                restore of them needs the secrets typed again.
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  Per type
                </Title>
                <Table striped aria-label="Objects per type">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Type</Table.Th>
                      <Table.Th scope="col">Objects</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {backup.countsByType.map((t) => (
                      <Table.Tr key={t.typeKey}>
                        <Table.Td>{t.label}</Table.Td>
                        <Table.Td>{t.count}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
              <CompareWith backupId={backup.id} tenantId={backup.tenantId} createdAt={backup.createdAt} />
            </SimpleGrid>
            <Items
              backupId={backup.id}
              types={backup.countsByType.map((t) => ({ value: t.typeKey, label: t.label }))}
            />
          </Stack>
        )}
      </PageState>
    </>
  );
}

/** Pick another backup of the tenant and open the backup-to-backup diff. */
function CompareWith({ backupId, tenantId, createdAt }: { backupId: string; tenantId: string; createdAt: string }) {
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: BackupsQuery, variables: { tenantId, first: 50 } });
  const [other, setOther] = useState<string | null>(null);
  const options = (data?.backups.edges ?? [])
    .map((e) => e.node)
    .filter((b) => b.id !== backupId)
    .filter((b) => b.status === 'completed')
    .map((b) => ({
      value: b.id,
      label: `${formatDateTime(b.createdAt)} (${b.itemCount} objects)`,
      older: b.createdAt < createdAt,
    }));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Compare with another backup
      </Title>
      <Group align="flex-end">
        <Select
          label="Other backup"
          placeholder={options.length ? 'Choose a backup' : 'No other backup of this tenant'}
          data={options.map(({ value, label }) => ({ value, label }))}
          value={other}
          onChange={setOther}
          miw={280}
        />
        <Button
          disabled={!other}
          onClick={() => {
            const picked = options.find((o) => o.value === other);
            // The older backup on the left, whichever was picked.
            if (picked)
              navigate(
                picked.older
                  ? `/backups/${picked.value}/compare/${backupId}`
                  : `/backups/${backupId}/compare/${picked.value}`,
              );
          }}
        >
          Compare
        </Button>
      </Group>
    </Paper>
  );
}

function Items({ backupId, types }: { backupId: string; types: { value: string; label: string }[] }) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const selectedTypes = params.getAll('type');
  const changedOnly = params.get('changed') === '1';
  const update = (patch: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      next.delete(k);
      for (const value of Array.isArray(v) ? v : v ? [v] : []) next.append(k, value);
    }
    setParams(next, { replace: true });
  };
  const typesKey = selectedTypes.join(',');
  const filter: BackupItemFilterInput = useMemo(
    () => ({
      ...(debounced ? { search: debounced } : {}),
      ...(typesKey ? { types: typesKey.split(',') } : {}),
      ...(changedOnly ? { changedOnly: true } : {}),
    }),
    [debounced, typesKey, changedOnly],
  );
  const variables = useMemo(() => ({ backupId, filter, first: PAGE }), [backupId, filter]);
  const list = usePagedQuery(BackupItemsQuery, variables, (d) => ({
    nodes: d.backupItems.edges.map((e) => e.node),
    hasNextPage: d.backupItems.pageInfo.hasNextPage,
    endCursor: d.backupItems.pageInfo.endCursor ?? null,
  }));
  const typeLabel = (key: string) => types.find((t) => t.value === key)?.label ?? key;

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Objects
      </Title>
      <SimpleGrid
        cols={{ base: 1, sm: 3 }}
        mb="md"
        component="form"
        role="search"
        aria-label="Filter backed-up objects"
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
        <Switch
          mt="xl"
          label="Changed since the previous backup only"
          checked={changedOnly}
          onChange={(e) => update({ changed: e.currentTarget.checked ? '1' : null })}
        />
      </SimpleGrid>
      <PageState
        label="objects"
        fetching={list.fetching}
        error={list.error}
        hasData={list.hasData}
        empty={list.nodes.length === 0}
        emptyText="No objects match these filters."
      >
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover aria-label="Backed-up objects">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">Since the previous backup</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.nodes.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/backups/items/${item.id}?backup=${backupId}`}>
                      {item.displayName}
                    </Anchor>
                    {item.needsSecretReentry && (
                      <Badge ml="xs" color="yellow" variant="filled">
                        Secrets to re-enter
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{typeLabel(item.typeKey)}</Table.Td>
                  <Table.Td>{item.versionNumber}</Table.Td>
                  <Table.Td>{item.changed ? 'new or changed' : 'unchanged'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={list.moreError} title="More objects could not be loaded" />
        {list.hasNextPage && (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => void list.loadMore()} loading={list.loadingMore}>
              Load more objects
            </Button>
          </Group>
        )}
      </PageState>
    </Paper>
  );
}
