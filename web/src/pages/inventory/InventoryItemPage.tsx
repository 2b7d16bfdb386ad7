import { Anchor, Badge, Breadcrumbs, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDateTime } from '../../app/format';
import { PageState } from '../../components/PageState';
import { graphql } from '../../gql';

const ItemQuery = graphql(`
  query InventoryItem($id: ID!) {
    inventoryItem(id: $id) {
      id
      tenantId
      externalId
      name
      typeKey
      odataType
      platform
      version
      scopeTagIds
      meta
      firstSeenAt
      lastSeenAt
      lastSeenRunId
      lastModifiedAt
      missingSince
    }
  }
`);

/** One observed object: its metadata (never the payload: that is what backups are for). */
export default function InventoryItemPage() {
  const { itemId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ItemQuery, variables: { id: itemId } });
  const item = data?.inventoryItem;
  const rows: [string, React.ReactNode][] = item
    ? [
        ['Type', item.typeKey],
        ['@odata.type', item.odataType ?? '—'],
        ['Graph id', item.externalId],
        ['Platform', item.platform ?? '—'],
        ['Version', item.version ?? '—'],
        ['Scope tags', item.scopeTagIds.join(', ') || '—'],
        ['Last modified in Intune', formatDateTime(item.lastModifiedAt)],
        ['First seen', formatDateTime(item.firstSeenAt)],
        [
          'Last seen',
          <>
            {formatDateTime(item.lastSeenAt)} ·{' '}
            <Anchor component={Link} to={`/operations/${item.lastSeenRunId}`}>
              by this run
            </Anchor>
          </>,
        ],
        ['Missing since', item.missingSince ? formatDateTime(item.missingSince) : 'present'],
      ]
    : [];
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={item ? `/inventory/${item.tenantId}` : '/inventory'}>
          Inventory
        </Anchor>
        <Text>{item?.name ?? '…'}</Text>
      </Breadcrumbs>
      <PageState label="the object" fetching={fetching} error={error} hasData={!!item}>
        {item && (
          <Stack>
            <Title order={1}>
              {item.name}
              {item.missingSince && (
                <Badge ml="sm" color="orange" variant="filled">
                  Missing
                </Badge>
              )}
            </Title>
            <Paper withBorder p="md">
              <Table variant="vertical">
                <Table.Tbody>
                  {rows.map(([label, value]) => (
                    <Table.Tr key={label}>
                      <Table.Th w={220}>{label}</Table.Th>
                      <Table.Td>{value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Metadata
              </Title>
              <Code block>{JSON.stringify(item.meta, null, 2)}</Code>
            </Paper>
          </Stack>
        )}
      </PageState>
    </>
  );
}
