import { Alert, Anchor, Badge, Breadcrumbs, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDateTime } from '../../app/format';
import { PageState } from '../../components/PageState';
import { BackupItemQuery, PolicyVersionsQuery } from './backup-documents';

/** One backed-up policy: its raw payload and assignments, its version history, and a diff against another version. */
export default function BackupItemPage() {
  const { itemId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: BackupItemQuery, variables: { id: itemId } });
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
            />
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

function Versions(props: { tenantId: string; typeKey: string; sourceId: string; versionId: string }) {
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
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v, i) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Group gap="xs">
                    {v.versionNumber}
                    {v.id === props.versionId && <Badge variant="light">this backup</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                <Table.Td>{versionChange(v, versions[i + 1])}</Table.Td>
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
