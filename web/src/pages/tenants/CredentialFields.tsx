import {
  FileButton,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  PasswordInput,
  Button,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';

export interface CredentialValue {
  kind: 'secret' | 'certificate';
  clientSecret: string;
  secretExpiresAt: string | null;
  pem: string;
  thumbprint: string;
}

export const emptyCredential = (): CredentialValue => ({
  kind: 'secret',
  clientSecret: '',
  secretExpiresAt: null,
  pem: '',
  thumbprint: '',
});

/** The input shape the API takes: exactly one of a secret or a certificate. */
export function credentialInput(value: CredentialValue): Record<string, unknown> {
  return value.kind === 'secret'
    ? {
        clientSecret: value.clientSecret,
        ...(value.secretExpiresAt ? { clientSecretExpiresAt: new Date(value.secretExpiresAt).toISOString() } : {}),
      }
    : { certificate: { pem: value.pem, thumbprint: value.thumbprint.trim() } };
}

/** Secret (with its expiry) or certificate (PEM pasted or read from a file, and its SHA-256 thumbprint). */
export function CredentialFields({
  value,
  onChange,
}: {
  value: CredentialValue;
  onChange: (v: CredentialValue) => void;
}) {
  const set = (patch: Partial<CredentialValue>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Credential kind"
        value={value.kind}
        onChange={(kind) => set({ kind: kind as CredentialValue['kind'] })}
        data={[
          { value: 'secret', label: 'Client secret' },
          { value: 'certificate', label: 'Certificate' },
        ]}
      />
      {value.kind === 'secret' ? (
        <>
          <PasswordInput
            label="Client secret"
            required
            autoComplete="off"
            value={value.clientSecret}
            onChange={(e) => set({ clientSecret: e.currentTarget.value })}
          />
          <DateInput
            label="Secret expires on"
            description="Optional; shown with the tenant so you can rotate in time"
            clearable
            value={value.secretExpiresAt}
            onChange={(d) => set({ secretExpiresAt: d })}
          />
        </>
      ) : (
        <>
          <Textarea
            label="Private key and certificate (PEM)"
            required
            autosize
            minRows={4}
            maxRows={10}
            value={value.pem}
            onChange={(e) => set({ pem: e.currentTarget.value })}
          />
          <Group>
            <FileButton
              onChange={(file) => file && void file.text().then((pem) => set({ pem }))}
              accept=".pem,.key,.crt"
            >
              {(props) => (
                <Button variant="default" size="xs" {...props}>
                  Read a PEM file
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              The key stays on the server, encrypted; it is never shown again.
            </Text>
          </Group>
          <TextInput
            label="Certificate thumbprint (SHA-256, hex)"
            required
            value={value.thumbprint}
            onChange={(e) => set({ thumbprint: e.currentTarget.value })}
          />
        </>
      )}
    </Stack>
  );
}
