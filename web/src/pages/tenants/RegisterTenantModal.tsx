import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/PageState';
import { CredentialFields, credentialInput, emptyCredential } from './CredentialFields';
import { RegisterTenant } from './tenant-documents';

/** Connect a tenant (platform admins): Entra tenant id, app registration, one credential. */
export function RegisterTenantModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [{ fetching, error }, register] = useMutation(RegisterTenant);
  const [displayName, setDisplayName] = useState('');
  const [entraTenantId, setEntraTenantId] = useState('');
  const [clientId, setClientId] = useState('');
  const [credential, setCredential] = useState(emptyCredential);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await register({ input: { displayName, entraTenantId, clientId, ...credentialInput(credential) } });
    const tenant = result.data?.registerTenant;
    if (!tenant) return;
    notifications.show({
      closeButtonProps: { 'aria-label': 'Dismiss notification' },
      color: 'green',
      title: 'Tenant registered',
      message: `${tenant.displayName}: verify it next`,
    });
    onClose();
    navigate(`/tenants/${tenant.id}`);
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Register a tenant" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={error ?? null} title="The tenant was not registered" />
          <TextInput
            label="Display name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
          />
          <TextInput
            label="Entra tenant id"
            description="Directory (tenant) id, a GUID"
            required
            value={entraTenantId}
            onChange={(e) => setEntraTenantId(e.currentTarget.value)}
          />
          <TextInput
            label="Application (client) id"
            description="The app registration TenantAtlas signs in with"
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
              Register tenant
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
