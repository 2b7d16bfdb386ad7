import { Alert, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useConsole } from '../app/context';

/** The console's own sign-in page: one button to the identity provider; after an expired session it says so. */
export function SignInPage() {
  const { session } = useConsole();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const returnTo = params.get('returnTo') ?? '/tenants';
  const reason = params.get('reason');

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      await session.signIn(returnTo);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Container size={460} py={80} component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Stack>
          <Title order={1}>TenantAtlas</Title>
          <Text>The operations console for your Intune tenants.</Text>
          {reason === 'expired' && (
            <Alert color="yellow" title="Your session has ended" role="status">
              Sign in again to continue where you were.
            </Alert>
          )}
          {reason === 'signed-out' && (
            <Alert color="gray" title="Signed out" role="status">
              You are signed out.
            </Alert>
          )}
          {error && (
            <Alert color="red" title="Sign-in could not start" role="alert">
              {error}
            </Alert>
          )}
          <Button onClick={signIn} loading={busy} size="md">
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}
