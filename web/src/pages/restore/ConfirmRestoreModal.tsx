import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { ErrorAlert } from '../../components/PageState';
import { typedNameMatches } from './typed-name';

/**
 * The last step before TenantAtlas writes to a tenant: the admin types the target tenant's name; "Confirm restore"
 * stays disabled until it matches exactly (the API checks the same, with the plan's hash).
 */
export function ConfirmRestoreModal({
  opened,
  onClose,
  tenantName,
  summary,
  onConfirm,
  confirming,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  tenantName: string;
  summary: string;
  onConfirm: (typedTenantName: string) => void;
  confirming: boolean;
  error: CombinedError | Error | null;
}) {
  const [typed, setTyped] = useState('');
  const matches = typedNameMatches(typed, tenantName);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (matches) onConfirm(typed);
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Confirm the restore"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit}>
        <Stack>
          <Alert color="orange" variant="filled" title={`This writes to ${tenantName}`}>
            {summary}
          </Alert>
          <TextInput
            label={`Type the target tenant's name to confirm: ${tenantName}`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            error={typed && !matches ? 'The name does not match the target tenant' : undefined}
          />
          <ErrorAlert error={error} title="The restore was not started" />
          {!matches && (
            <Text size="xs" c="dimmed" id="confirm-restore-reason">
              Confirm restore is enabled once the name matches exactly.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={!matches}
              loading={confirming}
              aria-describedby={matches ? undefined : 'confirm-restore-reason'}
            >
              Confirm restore
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
