import { Alert, Anchor, Center, Container, Loader, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useConsole } from '../app/context';

/** Back from the identity provider: redeem the code (PKCE) and go to the page the user was on. */
export function CallbackPage() {
  const { session } = useConsole();
  const navigate = useNavigate();
  // The authority may come back with an error instead of a code (e.g. the user cancelled).
  const [error, setError] = useState<string | null>(() => {
    const params = new URLSearchParams(window.location.search);
    return params.get('error') ? (params.get('error_description') ?? params.get('error')) : null;
  });
  const started = useRef(false);

  useEffect(() => {
    if (started.current || error) return; // a code is single-use: never redeem it twice (StrictMode runs effects twice)
    started.current = true;
    session.completeSignIn().then(
      (returnTo) => navigate(returnTo, { replace: true }),
      (e: Error) => setError(e.message),
    );
  }, [session, navigate, error]);

  return (
    <Container size={460} py={80} component="main">
      <Title order={1}>Signing in…</Title>
      {error ? (
        <Alert color="red" title="Sign-in failed" role="alert" mt="md">
          {error}{' '}
          <Anchor component={Link} to="/signin">
            Try again
          </Anchor>
        </Alert>
      ) : (
        <Center py="xl">
          <Loader aria-label="Completing sign-in" />
        </Center>
      )}
    </Container>
  );
}
