import { Alert, Anchor, Badge, Breadcrumbs, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDateTime } from '../../app/format';
import { PageState } from '../../components/PageState';
import { BackupItemQuery, DiffBackupItemsQuery, PolicyVersionsQuery } from './backup-documents';
import { CompareToLiveButton } from './CompareToLiveButton';
import { DiffView } from './diff/DiffView';

/** One backed-up policy: its raw payload and assignments, its version history, and a diff against another version. */
export default function BackupItemPage() {
  const { itemId = '' } = useParams();
  const [params] = useSearchParams();
  const compareWith = params.get('compare');
  // The backup the item was opened from: an item is shared by every backup whose objects of its type are identical.
  const backupId = params.get('backup');
  const [{ data, fetching, error }] = useQuery({ query: BackupItemQuery, variables: { id: itemId, backupId } });
  const item = data?.backupItem;
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/backups">
          Backups
        </Anchor>
        {item && (
          <Anchor component={Link} to={`/backups/${item.backupId}`}>
            Backup
          </Anchor>
        )}
        <Text>{item?.displayName ?? '…'}</Text>
      </Breadcrumbs>
      <PageState label="the backed-up object" fetching={fetching} error={error} hasData={!!item}>
        {item && (
          <Stack>
            <Title order={1}>{item.displayName}</Title>
            {item.needsSecretReentry && (
              <Alert color="yellow" title="Secrets need re-entry">
                Graph returned these settings only as placeholders; a restore needs them typed again:{' '}
                {item.secretPaths.join(', ')}
              </Alert>
            )}
            <Paper withBorder p="md">
              <Table variant="vertical">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={220}>Type</Table.Th>
                    <Table.Td>{item.typeKey}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Graph id</Table.Th>
                    <Table.Td>{item.sourceId}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Payload hash</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{item.payloadHash}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Assignments hash</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{item.assignmentsHash}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Paper>
            <Versions
              tenantId={item.tenantId}
              typeKey={item.typeKey}
              sourceId={item.sourceId}
              versionId={item.versionId}
              itemId={item.id}
              compareWith={compareWith}
              backupId={backupId}
            />
            {compareWith && <ItemDiff leftId={compareWith} rightId={item.id} context={item.payload} />}
            <CompareToLiveButton tenantId={item.tenantId} backupItemId={item.id} context={item.payload} />
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Assignments
              </Title>
              <Code block tabIndex={0} role="region" aria-label="Assignments as JSON" mah={480}>
                {JSON.stringify(item.assignments, null, 2)}
              </Code>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Payload (as Graph returned it)
              </Title>
              <Code block tabIndex={0} role="region" aria-label="Payload as JSON" mah={640}>
                {JSON.stringify(item.payload, null, 2)}
              </Code>
            </Paper>
          </Stack>
        )}
      </PageState>
    </>
  );
}

function Versions(props: {
  tenantId: string;
  typeKey: string;
  sourceId: string;
  versionId: string;
  itemId: string;
  compareWith: string | null;
  backupId: string | null;
}) {
  const [{ data, fetching, error }] = useQuery({
    query: PolicyVersionsQuery,
    variables: { tenantId: props.tenantId, typeKey: props.typeKey, sourceId: props.sourceId, first: 50 },
  });
  const versions = data?.policyVersions.edges.map((e) => e.node) ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Version history
      </Title>
      <PageState
        label="versions"
        fetching={fetching}
        error={error}
        hasData={!!data}
        empty={versions.length === 0}
        emptyText="No versions recorded."
      >
        <Table striped aria-label="Versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">First seen</Table.Th>
              <Table.Th scope="col">What changed</Table.Th>
              <Table.Th scope="col">Compare</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v, i) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Group gap="xs">
                    {v.versionNumber}
                    {v.id === props.versionId && <Badge variant="filled">this backup</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                <Table.Td>{versionChange(v, versions[i + 1])}</Table.Td>
                <Table.Td>
                  {v.id !== props.versionId &&
                    v.latestItemId &&
                    (props.compareWith === v.latestItemId ? (
                      <Text size="sm">Compared below</Text>
                    ) : (
                      <Anchor
                        component={Link}
                        to={`?${new URLSearchParams({ ...(props.backupId ? { backup: props.backupId } : {}), compare: v.latestItemId })}`}
                        replace
                        size="sm"
                      >
                        Compare version {v.versionNumber} with this one
                      </Anchor>
                    ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </PageState>
    </Paper>
  );
}

/** What a version changed against the one before it (newest first): settings, assignments or both. */
function versionChange(
  v: { payloadHash: string; assignmentsHash: string },
  older: { payloadHash: string; assignmentsHash: string } | undefined,
): string {
  if (!older) return 'first seen';
  const settings = v.payloadHash !== older.payloadHash;
  const assignments = v.assignmentsHash !== older.assignmentsHash;
  return settings && assignments ? 'settings and assignments' : assignments ? 'assignments' : 'settings';
}

function ItemDiff({ leftId, rightId, context }: { leftId: string; rightId: string; context: Record<string, unknown> }) {
  const [{ data, fetching, error }] = useQuery({ query: DiffBackupItemsQuery, variables: { leftId, rightId } });
  const diff = data?.diffBackupItems;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Differences
      </Title>
      <PageState label="the diff" fetching={fetching} error={error} hasData={!!diff}>
        {diff && (
          <>
            <Text size="sm" mb="xs">
              {diff.payloadChanged && diff.assignmentsChanged
                ? 'Settings and assignments differ.'
                : diff.assignmentsChanged
                  ? 'Only the assignments differ.'
                  : diff.payloadChanged
                    ? 'Only the settings differ.'
                    : 'Identical.'}
            </Text>
            <DiffView
              rows={diff.rows}
              leftTitle="Other version"
              rightTitle="This backup"
              caption="Setting differences"
              context={context}
            />
          </>
        )}
      </PageState>
    </Paper>
  );
}
