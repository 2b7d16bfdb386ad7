import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { createApiClients } from '../api/client';
import type { ConsoleConfig } from '../auth/console-config';
import { Session } from '../auth/session';
import { StartupError } from '../auth/StartupError';
import { ConsoleContext } from './context';
import { createConsoleRouter } from './routes';
import { cssVariablesResolver, theme } from './theme';

export function App({ config }: { config: ConsoleConfig }) {
  const auth = config.auth;
  const context = useMemo(() => {
    if (!auth) return null;
    const session = new Session(auth);
    return { session, api: createApiClients(session, config.graphqlPath) };
  }, [auth, config.graphqlPath]);
  const router = useMemo(() => (context ? createConsoleRouter(context.session) : null), [context]);

  if (!context || !router)
    return (
      <StartupError message="Sign-in is not configured on this server: set CONSOLE_CLIENT_ID and CONSOLE_AUTHORITY (see docs/connecting-a-tenant.md)." />
    );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <ConsoleContext.Provider value={context}>
        <UrqlProvider value={context.api.client}>
          <RouterProvider router={router} />
        </UrqlProvider>
      </ConsoleContext.Provider>
    </MantineProvider>
  );
}
