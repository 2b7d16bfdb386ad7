import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { TenantOptionsQuery } from '../../api/documents';
import { usePagedQuery } from '../../api/usePagedQuery';
import { formatDateTime } from '../../app/format';
import { ErrorAlert, PageState } from '../../components/PageState';
import { TenantPicker } from '../../components/TenantPicker';
import { useRunUpdates } from '../../live/useRunUpdates';
import { BackupsQuery } from './backup-documents';
import { ImportBackupPanel } from './ImportBackupPanel';
import { RetentionPanel } from './RetentionPanel';
import { StartBackupButton } from './StartBackupButton';

const PAGE = 25;
const BACKUP_RUN_TYPES = new Set(['backup.create', 'backup.import', 'backup.prune']);

/** A tenant's backups, newest first: start one (operators), open one, restore from one. */
export default function BackupsPage() {
  const [params, setParams] = useSearchParams();
  const tenantId = params.get('tenant');
  const [{ data: tenants }] = useQuery({ query: TenantOptionsQuery });
  useEffect(() => {
    if (!tenantId && tenants?.tenants.length) setParams({ tenant: tenants.tenants[0].id }, { replace: true });
  }, [tenantId, tenants, setParams]);
  const tenant = tenants?.tenants.find((t) => t.id === tenantId);
  // Imports are not runs: the page says when the list must be read again.
  const [refresh, setRefresh] = useState(0);

  return (
    <>
      <Title order={1} mb="md">
        Backups
      </Title>
      <Group align="flex-end" justify="space-between" mb="md">
        <TenantPicker value={tenantId} onChange={(id) => id && setParams({ tenant: id })} />
        {tenant && <StartBackupButton key={tenant.id} tenant={tenant} />}
      </Group>
      {tenants && tenants.tenants.length === 0 && <Text c="dimmed">You have no tenants yet.</Text>}
      {tenantId && <BackupList key={tenantId} tenantId={tenantId} refresh={refresh} />}
      {tenant && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} mt="md">
          <RetentionPanel key={`r${tenant.id}`} tenant={tenant} onPruned={() => setRefresh((n) => n + 1)} />
          <ImportBackupPanel key={`i${tenant.id}`} tenant={tenant} onImported={() => setRefresh((n) => n + 1)} />
        </SimpleGrid>
      )}
    </>
  );
}

function BackupList({ tenantId, refresh }: { tenantId: string; refresh: number }) {
  const list = usePagedQuery(BackupsQuery, { tenantId, first: PAGE }, (d) => ({
    nodes: d.backups.edges.map((e) => e.node),
    hasNextPage: d.backups.pageInfo.hasNextPage,
    endCursor: d.backups.pageInfo.endCursor ?? null,
  }));
  const { reread } = list;
  useEffect(() => {
    if (refresh) reread();
  }, [refresh, reread]);
  // A backup run of this tenant ends (started here, by a schedule or by someone else): its row appears, no reload.
  useRunUpdates(
    { tenantIds: [tenantId] },
    (runs) => {
      if (runs.some((r) => BACKUP_RUN_TYPES.has(r.type) && r.status === 'COMPLETED')) list.reread();
    },
    list.reread,
  );

  return (
    <Paper withBorder p="md">
      <PageState
        label="backups"
        fetching={list.fetching}
        error={list.error}
        hasData={list.hasData}
        empty={list.nodes.length === 0}
        emptyText="No backups of this tenant yet: start one to keep a restorable copy of every policy."
      >
        <Stack>
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover aria-label="Backups">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Taken</Table.Th>
                  <Table.Th scope="col">Source</Table.Th>
                  <Table.Th scope="col">Objects</Table.Th>
                  <Table.Th scope="col">New or changed</Table.Th>
                  <Table.Th scope="col">Secrets to re-enter</Table.Th>
                  <Table.Th scope="col">Restore</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.nodes.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/backups/${b.id}`}>
                        {formatDateTime(b.createdAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="filled" color={b.source === 'import' ? 'grape' : 'blue'}>
                        {b.source}
                      </Badge>
                      {b.status !== 'completed' && (
                        <Badge ml="xs" variant="outline" color={b.status === 'failed' ? 'red' : 'gray'}>
                          {b.status}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{b.itemCount}</Table.Td>
                    <Table.Td>{b.newVersionCount}</Table.Td>
                    <Table.Td>{b.needsSecretReentryCount || '—'}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/restore?backup=${b.id}`} size="sm">
                        Restore from this backup
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ErrorAlert error={list.moreError} title="More backups could not be loaded" />
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void list.loadMore()} loading={list.loadingMore}>
                Load older backups
              </Button>
            </Group>
          )}
        </Stack>
      </PageState>
    </Paper>
  );
}
