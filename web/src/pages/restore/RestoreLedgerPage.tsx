import { Anchor, Breadcrumbs, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { usePagedQuery } from '../../api/usePagedQuery';
import { formatDateTime } from '../../app/format';
import { ErrorAlert, PageState } from '../../components/PageState';
import { TenantPicker } from '../../components/TenantPicker';
import { RestoreLedgerQuery } from './restore-documents';

/** Which backed-up object became which object in a target tenant: what makes a re-run update instead of duplicate. */
export default function RestoreLedgerPage() {
  const { tenantId = '' } = useParams();
  const navigate = useNavigate();
  const list = usePagedQuery(
    RestoreLedgerQuery,
    { targetTenantId: tenantId, first: 50 },
    (d) => ({
      nodes: d.restoreLedger.edges.map((e) => e.node),
      hasNextPage: d.restoreLedger.pageInfo.hasNextPage,
      endCursor: d.restoreLedger.pageInfo.endCursor ?? null,
    }),
    !tenantId,
  );
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/restore">
          Restore
        </Anchor>
        <Text>ID ledger</Text>
      </Breadcrumbs>
      <Title order={1} mb="md">
        Restore ledger
      </Title>
      <TenantPicker
        label="Target tenant"
        value={tenantId || null}
        onChange={(id) => id && navigate(`/restore/ledger/${id}`)}
      />
      {tenantId && (
        <Paper withBorder p="md" mt="md">
          <PageState
            label="the ledger"
            fetching={list.fetching}
            error={list.error}
            hasData={list.hasData}
            empty={list.nodes.length === 0}
            emptyText="Nothing has been restored into this tenant yet."
          >
            <Table.ScrollContainer minWidth={700}>
              <Table striped aria-label="ID ledger">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Type</Table.Th>
                    <Table.Th scope="col">Source id</Table.Th>
                    <Table.Th scope="col">Target id</Table.Th>
                    <Table.Th scope="col">Restored</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.nodes.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{e.typeKey}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{e.sourceId}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{e.targetId}</Table.Td>
                      <Table.Td>{formatDateTime(e.at)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ErrorAlert error={list.moreError} title="More entries could not be loaded" />
            {list.hasNextPage && (
              <Group justify="center" mt="md">
                <Button variant="default" onClick={() => void list.loadMore()} loading={list.loadingMore}>
                  Load more
                </Button>
              </Group>
            )}
          </PageState>
        </Paper>
      )}
    </>
  );
}
