import { Alert, Container, MantineProvider, Title } from '@mantine/core';
import { cssVariablesResolver, theme } from '../app/theme';

export function StartupError({ message }: { message: string }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Container size="sm" py="xl" component="main">
        <Title order={1}>TenantAtlas</Title>
        <Alert color="red" title="The console could not start" role="alert" mt="md">
          {message}
        </Alert>
      </Container>
    </MantineProvider>
  );
}
