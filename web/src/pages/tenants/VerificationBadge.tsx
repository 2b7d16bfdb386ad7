import { Badge, Tooltip } from '@mantine/core';
import type { TenantSummaryFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../app/format';

export function VerificationBadge({ verification }: { verification: TenantSummaryFieldsFragment['verification'] }) {
  if (!verification)
    return (
      <Badge color="gray" variant="outline">
        Not verified
      </Badge>
    );
  const ok = verification.status === 'succeeded';
  return (
    <Tooltip label={`${verification.message} (${formatDateTime(verification.at)})`} multiline maw={360}>
      <Badge color={ok ? 'green' : 'red'} variant="filled" tabIndex={0}>
        {ok ? 'Verified' : `Failed: ${verification.code}`}
      </Badge>
    </Tooltip>
  );
}
