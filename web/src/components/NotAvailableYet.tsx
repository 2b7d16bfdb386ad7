import { Alert, Title } from '@mantine/core';

/** A page whose API has not landed in this version: the route and navigation exist, no data is made up. */
export function NotAvailableYet({ heading, what }: { heading: string; what: string }) {
  return (
    <>
      <Title order={1} mb="md">
        {heading}
      </Title>
      <Alert color="blue" title="Not available yet" role="status">
        {what} are not available in this version of TenantAtlas yet: the API behind this page has not landed.
      </Alert>
    </>
  );
}
