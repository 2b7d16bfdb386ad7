import { Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../../app/format';
import { denyReason, roleLabel } from '../../app/roles';
import { ErrorAlert, PageState } from '../../components/PageState';
import type { TenantRole, TenantSummaryFieldsFragment } from '../../gql/graphql';
import { GrantTenantAccess, RevokeTenantAccess, TenantMembersQuery } from './tenant-detail-documents';

const ROLES: { value: TenantRole; label: string }[] = [
  { value: 'VIEWER', label: 'Viewer: reads' },
  { value: 'OPERATOR', label: 'Operator: also starts syncs, backups, previews' },
  { value: 'ADMIN', label: 'Admin: also credentials, members, restores' },
];

/** Who holds which role (admins only: the API refuses others, so the panel says so instead of asking). */
export function MembersPanel({ tenant }: { tenant: TenantSummaryFieldsFragment }) {
  const reason = denyReason({ myRole: tenant.myRole }, 'ADMIN', 'see and manage members');
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Members
      </Title>
      {reason ? <Text c="dimmed">{reason}.</Text> : <MembersTable tenant={tenant} />}
    </Paper>
  );
}

function MembersTable({ tenant }: { tenant: TenantSummaryFieldsFragment }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: TenantMembersQuery,
    variables: { tenantId: tenant.id },
  });
  const [grant, grantAccess] = useMutation(GrantTenantAccess);
  const [revoke, revokeAccess] = useMutation(RevokeTenantAccess);
  const [upn, setUpn] = useState('');
  const [role, setRole] = useState<TenantRole>('VIEWER');
  const [revoking, setRevoking] = useState<string | null>(null);
  const archived = tenant.status === 'ARCHIVED';
  const reread = () => reexecute({ requestPolicy: 'network-only' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await grantAccess({ tenantId: tenant.id, userUpn: upn.trim(), role })).error) {
      setUpn('');
      reread();
    }
  };

  return (
    <Stack>
      <PageState
        label="members"
        fetching={fetching}
        error={error}
        hasData={!!data}
        empty={data?.tenantMembers.length === 0}
        emptyText="No members yet."
      >
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">User</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Granted</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.tenantMembers.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  {m.userUpn}
                  {!m.userId && (
                    <Text size="xs" c="dimmed">
                      not signed in yet
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{roleLabel(m.role)}</Table.Td>
                <Table.Td>
                  {formatDateTime(m.grantedAt)}
                  <Text size="xs" c="dimmed">
                    by {m.grantedBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setRevoking(m.userUpn)}
                    aria-label={`Revoke ${m.userUpn}`}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </PageState>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label="User principal name"
            placeholder="name@contoso.com"
            required
            value={upn}
            onChange={(e) => setUpn(e.currentTarget.value)}
            disabled={archived}
          />
          <Select
            label="Role"
            data={ROLES}
            value={role}
            onChange={(v) => v && setRole(v as TenantRole)}
            allowDeselect={false}
            disabled={archived}
          />
          <Button type="submit" loading={grant.fetching} disabled={archived}>
            Grant access
          </Button>
        </Group>
      </form>
      <ErrorAlert error={grant.error ?? null} title="Access was not granted" />
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke access?">
        <Stack>
          <Text>{revoking} will no longer see this tenant.</Text>
          <ErrorAlert error={revoke.error ?? null} title="Access was not revoked" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={revoke.fetching}
              onClick={async () => {
                if (!(await revokeAccess({ tenantId: tenant.id, userUpn: revoking! })).error) {
                  setRevoking(null);
                  reread();
                }
              }}
            >
              Revoke access
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
