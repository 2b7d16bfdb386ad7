import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';

const GroupOptionsQuery = graphql(`
  query GroupOptions($tenantId: ID!, $search: String) {
    directoryGroups(tenantId: $tenantId, search: $search, first: 25) {
      edges {
        node {
          id
          externalId
          displayName
          deletedAt
        }
      }
    }
  }
`);

/**
 * Picks the target group for one source group from the target tenant's directory cache (database only, never Graph
 * while the admin types); the value is the group's Entra id, which is what assignments carry.
 */
export function GroupOverridePicker({
  targetTenantId,
  label,
  value,
  currentName,
  onChange,
  disabled,
}: {
  targetTenantId: string;
  label: string;
  value: string | null;
  currentName: string | null;
  onChange: (groupId: string) => void;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [{ data, fetching }] = useQuery({
    query: GroupOptionsQuery,
    variables: { tenantId: targetTenantId, search: debounced || null },
    pause: disabled,
  });
  const options = (data?.directoryGroups.edges ?? [])
    .map((e) => e.node)
    .filter((g) => !g.deletedAt)
    .map((g) => ({ value: g.externalId, label: g.displayName }));
  if (value && currentName && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName });
  return (
    <Select
      aria-label={label}
      placeholder={fetching ? 'Loading groups…' : 'Choose a target group'}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value}
      onChange={(v) => v && v !== value && onChange(v)}
      nothingFoundMessage="No group of that name in the target's directory cache"
      disabled={disabled}
      size="xs"
      miw={240}
    />
  );
}
