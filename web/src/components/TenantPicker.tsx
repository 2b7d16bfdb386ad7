import { Select } from '@mantine/core';
import { useQuery } from 'urql';
import { TenantOptionsQuery } from '../api/documents';
import type { TenantRole } from '../gql/graphql';

const RANK: Record<TenantRole, number> = { VIEWER: 1, OPERATOR: 2, ADMIN: 3 };

/** Pick one of the caller's tenants (optionally only those where they hold at least `minRole`). */
export function TenantPicker({
  value,
  onChange,
  minRole = 'VIEWER',
  label = 'Tenant',
}: {
  value: string | null;
  onChange: (tenantId: string | null) => void;
  minRole?: TenantRole;
  label?: string;
}) {
  const [{ data, fetching }] = useQuery({ query: TenantOptionsQuery });
  const options = (data?.tenants ?? []).filter((t) => RANK[t.myRole] >= RANK[minRole]);
  return (
    <Select
      label={label}
      placeholder={fetching ? 'Loading tenants…' : options.length ? 'Choose a tenant' : 'No tenants available'}
      searchable
      data={options.map((t) => ({ value: t.id, label: t.displayName }))}
      value={value}
      onChange={onChange}
      maw={360}
    />
  );
}
