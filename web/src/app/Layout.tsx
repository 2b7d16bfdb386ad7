import { Anchor, AppShell, Burger, Center, Group, Loader, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { MeQuery } from '../api/documents';
import { currentPath, signInPath } from '../auth/session';
import { NotificationsBell } from '../pages/notifications/NotificationsBell';
import { useConsole } from './context';

const NAV = [
  { to: '/tenants', label: 'Tenants' },
  { to: '/operations', label: 'Operations' },
  { to: '/inventory', label: 'Inventory' },
  { to: '/backups', label: 'Backups' },
  { to: '/restore', label: 'Restore' },
  { to: '/audit', label: 'Audit log' },
];

/** The signed-in frame: navigation, notifications, the user menu; pages load into it one chunk at a time. */
export function Layout() {
  const { session } = useConsole();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const [{ data: me }] = useQuery({ query: MeQuery });

  // A session that ends (renewal refused, token expired) goes back to sign-in, remembering this page.
  useEffect(
    () => session.onEnded(() => navigate(signInPath(currentPath(), 'expired'), { replace: true })),
    [session, navigate],
  );
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Anchor href="#main" className="skip-link">
              Skip to content
            </Anchor>
            <Text fw={700} component={Link} to="/tenants" c="inherit" td="none">
              TenantAtlas
            </Text>
          </Group>
          <Group gap="sm">
            <NotificationsBell />
            <Menu position="bottom-end" withArrow>
              <Menu.Target>
                <UnstyledButton aria-label={`${me?.me.name ?? me?.me.upn ?? 'Signed in'} (account menu)`}>
                  <Text size="sm">{me?.me.name ?? me?.me.upn ?? 'Signed in'}</Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me?.me.upn}</Menu.Label>
                {me?.me.isPlatformAdmin && <Menu.Label>Platform admin</Menu.Label>}
                <Menu.Item onClick={() => void session.signOut()}>Sign out</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            variant="filled"
            active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
            aria-current={location.pathname.startsWith(item.to) ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" component="main">
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label="Loading the page" />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
