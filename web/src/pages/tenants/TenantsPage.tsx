import { Anchor, Badge, Button, Group, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { MeQuery } from '../../api/documents';
import { formatDateTime } from '../../app/format';
import { roleLabel } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { PageState } from '../../components/PageState';
import type { TenantSummaryFieldsFragment } from '../../gql/graphql';
import { RegisterTenantModal } from './RegisterTenantModal';
import { TenantsQuery } from './tenant-documents';
import { VerificationBadge } from './VerificationBadge';

function capabilitySummary(t: TenantSummaryFieldsFragment): string {
  const types = t.capabilities?.types ?? [];
  if (!types.length) return 'Unknown until verified';
  const read = types.filter((c) => c.canRead).length;
  const write = types.filter((c) => c.canWrite).length;
  return `${read}/${types.length} types readable, ${write} writable`;
}

/** Every tenant the caller may see, with their role, verification state and what the connection may do. */
export default function TenantsPage() {
  const [params, setParams] = useSearchParams();
  const includeArchived = params.get('archived') === '1';
  const [{ data, fetching, error }] = useQuery({ query: TenantsQuery, variables: { includeArchived } });
  const [{ data: me }] = useQuery({ query: MeQuery });
  const [registering, setRegistering] = useState(false);
  const tenants = (data?.tenants ?? []) as TenantSummaryFieldsFragment[];

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1}>Tenants</Title>
        <GuardedButton
          reason={me && !me.me.isPlatformAdmin ? 'Only platform admins register tenants' : null}
          onClick={() => setRegistering(true)}
        >
          Register tenant
        </GuardedButton>
      </Group>
      <Switch
        label="Show archived tenants"
        checked={includeArchived}
        onChange={(e) => setParams(e.currentTarget.checked ? { archived: '1' } : {})}
        mb="md"
      />
      <PageState
        label="tenants"
        fetching={fetching}
        error={error}
        hasData={!!data}
        empty={tenants.length === 0}
        emptyText="No tenants yet. A platform admin registers one; you see the tenants you were granted a role on."
      >
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Tenant</Table.Th>
                <Table.Th scope="col">Your role</Table.Th>
                <Table.Th scope="col">Verification</Table.Th>
                <Table.Th scope="col">Capabilities</Table.Th>
                <Table.Th scope="col">Credential</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tenants.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/tenants/${t.id}`} fw={600}>
                      {t.displayName}
                    </Anchor>
                    {t.status === 'ARCHIVED' && (
                      <Badge ml="xs" color="gray" variant="outline">
                        Archived
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {t.entraTenantId}
                    </Text>
                  </Table.Td>
                  <Table.Td>{roleLabel(t.myRole)}</Table.Td>
                  <Table.Td>
                    <VerificationBadge verification={t.verification} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{capabilitySummary(t)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t.credential.kind === 'CERTIFICATE' ? 'Certificate' : 'Secret'}
                      {t.credential.expiresAt ? `, expires ${formatDateTime(t.credential.expiresAt)}` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </PageState>
      {registering && <RegisterTenantModal opened onClose={() => setRegistering(false)} />}
      {!me?.me.isPlatformAdmin && tenants.length > 0 && (
        <Text size="sm" c="dimmed" mt="md">
          Need another tenant? Ask a platform admin to register it and grant you a role.
        </Text>
      )}
      <Button component={Link} to="/operations" variant="subtle" mt="md">
        See all operations
      </Button>
    </>
  );
}
