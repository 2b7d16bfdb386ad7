import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, redirect, type LoaderFunctionArgs } from 'react-router';
import { CallbackPage } from '../auth/CallbackPage';
import { signInPath, type Session } from '../auth/session';
import { SignInPage } from '../auth/SignInPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

// One chunk per page: the first page after sign-in loads only what it needs.
const page = (load: () => Promise<{ default: ComponentType }>) => {
  const Page = lazy(load);
  return <Page />;
};

/** Signed-in routes under the layout; anything else signs in first and comes back (the page is remembered). */
export function createConsoleRouter(session: Session) {
  const requireUser = async ({ request }: LoaderFunctionArgs) => {
    const hadSession = await session.hadSession();
    if (await session.user()) return null;
    const url = new URL(request.url);
    return redirect(signInPath(`${url.pathname}${url.search}`, hadSession ? 'expired' : undefined));
  };
  return createBrowserRouter([
    { path: '/signin', element: <SignInPage /> },
    { path: '/auth/callback', element: <CallbackPage /> },
    {
      element: <Layout />,
      loader: requireUser,
      // Sign-in is checked on every navigation, not only the first.
      shouldRevalidate: () => true,
      children: [
        { index: true, element: <Navigate to="/tenants" replace /> },
        { path: 'tenants', element: page(() => import('../pages/tenants/TenantsPage')) },
        { path: 'tenants/:tenantId', element: page(() => import('../pages/tenants/TenantDetailPage')) },
        { path: 'operations', element: page(() => import('../pages/operations/OperationsPage')) },
        { path: 'operations/:runId', element: page(() => import('../pages/operations/RunDetailPage')) },
        { path: 'inventory', element: page(() => import('../pages/inventory/InventoryPage')) },
        { path: 'inventory/:tenantId', element: page(() => import('../pages/inventory/InventoryPage')) },
        { path: 'inventory/items/:itemId', element: page(() => import('../pages/inventory/InventoryItemPage')) },
        { path: 'backups', element: page(() => import('../pages/backups/BackupsPage')) },
        { path: 'backups/:backupId', element: page(() => import('../pages/backups/BackupDetailPage')) },
        { path: 'backups/:leftId/compare/:rightId', element: page(() => import('../pages/backups/BackupComparePage')) },
        { path: 'backups/items/:itemId', element: page(() => import('../pages/backups/BackupItemPage')) },
        { path: 'restore', element: page(() => import('../pages/restore/RestorePage')) },
        { path: 'restore/plans/:planId', element: page(() => import('../pages/restore/RestorePlanPage')) },
        { path: 'restore/runs/:runId', element: page(() => import('../pages/restore/RestoreRunPage')) },
        { path: 'restore/ledger/:tenantId?', element: page(() => import('../pages/restore/RestoreLedgerPage')) },
        { path: 'audit', element: page(() => import('../pages/audit/AuditLogPage')) },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
