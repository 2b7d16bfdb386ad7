import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import '@mantine/dates/styles.css';
import { notifications } from '@mantine/notifications';
import { useCallback, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../../app/format';
import { denyReason, roleLabel } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { LiveRunStatus } from '../../components/LiveRunStatus';
import { ErrorAlert, PageState } from '../../components/PageState';
import type { RunFieldsFragment, TenantSummaryFieldsFragment } from '../../gql/graphql';
import { BackupSchedulePanel } from '../backups/BackupSchedulePanel';
import { CredentialFields, credentialInput, emptyCredential } from './CredentialFields';
import { InventorySchedulePanel } from './InventorySchedulePanel';
import { MembersPanel } from './MembersPanel';
import { SyncInventoryButton } from './SyncInventoryButton';
import { ArchiveTenant, RenameTenant, TenantQuery, VerifyTenant } from './tenant-detail-documents';
import { UpdateTenantCredentials } from './tenant-documents';
import { VerificationBadge } from './VerificationBadge';

/** One tenant: connection, verification and capabilities per type, actions by role, members, schedule. */
export default function TenantDetailPage() {
  const { tenantId = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TenantQuery, variables: { id: tenantId } });
  const reread = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const tenant = data?.tenant as (TenantSummaryFieldsFragment & { grantedPermissions?: string[] | null }) | undefined;

  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/tenants">
          Tenants
        </Anchor>
        <Text>{tenant?.displayName ?? '…'}</Text>
      </Breadcrumbs>
      <PageState label="the tenant" fetching={fetching} error={error} hasData={!!tenant}>
        {tenant && (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1}>{tenant.displayName}</Title>
                <Text c="dimmed" size="sm">
                  Your role: {roleLabel(tenant.myRole)}
                  {tenant.status === 'ARCHIVED' && ` · archived ${formatDateTime(tenant.archivedAt)}`}
                </Text>
              </div>
              <TenantActions tenant={tenant} onChanged={reread} />
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="xs">
                  Connection
                </Title>
                <Table variant="vertical" layout="fixed">
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th>Entra tenant id</Table.Th>
                      <Table.Td>{tenant.entraTenantId}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>Application (client) id</Table.Th>
                      <Table.Td>{tenant.clientId}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>Credential</Table.Th>
                      <Table.Td>
                        {tenant.credential.kind === 'CERTIFICATE' ? 'Certificate' : 'Client secret'}, set{' '}
                        {formatDateTime(tenant.credential.setAt)}
                        {tenant.credential.expiresAt && `, expires ${formatDateTime(tenant.credential.expiresAt)}`}
                      </Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>Verification</Table.Th>
                      <Table.Td>
                        <VerificationBadge verification={tenant.verification} />
                        {tenant.verification && (
                          <Text size="sm" mt={4}>
                            {tenant.verification.message}
                            {tenant.verification.runId && (
                              <>
                                {' '}
                                <Anchor component={Link} to={`/operations/${tenant.verification.runId}`}>
                                  Open the verify run
                                </Anchor>
                              </>
                            )}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Paper>
              <InventorySchedulePanel tenant={tenant} schedule={data?.inventorySchedule ?? null} />
              <BackupSchedulePanel tenant={tenant} />
            </SimpleGrid>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                Capabilities per type
              </Title>
              {tenant.capabilities ? (
                <>
                  <Text size="sm" mb="xs">
                    Groups: {tenant.capabilities.canReadGroups ? 'readable' : 'not readable'}; live group search:{' '}
                    {tenant.capabilities.canSearchGroups ? 'possible' : 'not possible'}.
                  </Text>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Type</Table.Th>
                        <Table.Th scope="col">Read</Table.Th>
                        <Table.Th scope="col">Write</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {tenant.capabilities.types.map((c) => (
                        <Table.Tr key={c.typeKey}>
                          <Table.Td>{c.typeKey}</Table.Td>
                          <Table.Td>{c.canRead ? 'Yes' : 'No'}</Table.Td>
                          <Table.Td>{c.canWrite ? 'Yes' : 'No'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              ) : (
                <Text c="dimmed">Verify the tenant to learn what its connection may read and write.</Text>
              )}
            </Paper>
            <MembersPanel tenant={tenant} />
          </Stack>
        )}
      </PageState>
    </>
  );
}

function TenantActions({ tenant, onChanged }: { tenant: TenantSummaryFieldsFragment; onChanged: () => void }) {
  const [verify, startVerify] = useMutation(VerifyTenant);
  const [verifyRun, setVerifyRun] = useState<RunFieldsFragment | null>(null);
  const [dialog, setDialog] = useState<'rename' | 'credentials' | 'archive' | null>(null);
  const adminOnly = denyReason(tenant, 'ADMIN', 'change the connection');
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        <GuardedButton
          variant="default"
          reason={denyReason(tenant, 'OPERATOR', 'verify the connection')}
          loading={verify.fetching}
          onClick={async () => {
            const result = await startVerify({ tenantId: tenant.id });
            if (result.data) setVerifyRun(result.data.verifyTenant as RunFieldsFragment);
          }}
        >
          Verify
        </GuardedButton>
        <GuardedButton variant="default" reason={adminOnly} onClick={() => setDialog('rename')}>
          Rename
        </GuardedButton>
        <GuardedButton variant="default" reason={adminOnly} onClick={() => setDialog('credentials')}>
          Update credentials
        </GuardedButton>
        <GuardedButton variant="default" color="red" reason={adminOnly} onClick={() => setDialog('archive')}>
          Archive
        </GuardedButton>
      </Group>
      <SyncInventoryButton tenant={tenant} />
      <ErrorAlert error={verify.error ?? null} title="Verification did not start" />
      {verifyRun && <LiveRunStatus key={verifyRun.id} run={verifyRun} onCompleted={onChanged} />}
      {dialog === 'rename' && <RenameDialog tenant={tenant} onClose={() => setDialog(null)} />}
      {dialog === 'credentials' && <CredentialsDialog tenant={tenant} onClose={() => setDialog(null)} />}
      {dialog === 'archive' && <ArchiveDialog tenant={tenant} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function RenameDialog({ tenant, onClose }: { tenant: TenantSummaryFieldsFragment; onClose: () => void }) {
  const [{ fetching, error }, rename] = useMutation(RenameTenant);
  const [name, setName] = useState(tenant.displayName);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await rename({ id: tenant.id, displayName: name })).error) onClose();
  };
  return (
    <Modal opened onClose={onClose} title="Rename the tenant">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={error ?? null} title="The tenant was not renamed" />
          <TextInput
            label="Display name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={fetching}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CredentialsDialog({ tenant, onClose }: { tenant: TenantSummaryFieldsFragment; onClose: () => void }) {
  const [{ fetching, error }, update] = useMutation(UpdateTenantCredentials);
  const [credential, setCredential] = useState(emptyCredential);
  const [clientId, setClientId] = useState(tenant.clientId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      tenantId: tenant.id,
      ...(clientId !== tenant.clientId ? { clientId } : {}),
      ...credentialInput(credential),
    };
    if ((await update({ input })).error) return;
    notifications.show({
      closeButtonProps: { 'aria-label': 'Dismiss notification' },
      color: 'green',
      title: 'Credentials updated',
      message: 'Verify the tenant to check them',
    });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title="Update credentials" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={error ?? null} title="The credentials were not changed" />
          <TextInput
            label="Application (client) id"
            required
            value={clientId}
            onChange={(e) => setClientId(e.currentTarget.value)}
          />
          <CredentialFields value={credential} onChange={setCredential} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={fetching}>
              Save credentials
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ArchiveDialog({ tenant, onClose }: { tenant: TenantSummaryFieldsFragment; onClose: () => void }) {
  const [{ fetching, error }, archive] = useMutation(ArchiveTenant);
  return (
    <Modal opened onClose={onClose} title={`Archive ${tenant.displayName}?`}>
      <Stack>
        <Text>History stays readable; no new runs or Graph calls will be made for this tenant.</Text>
        <ErrorAlert error={error ?? null} title="The tenant was not archived" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={fetching}
            onClick={async () => {
              if (!(await archive({ id: tenant.id })).error) onClose();
            }}
          >
            Archive tenant
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
