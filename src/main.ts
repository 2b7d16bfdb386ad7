import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigValidationError, validateEnvironment } from './infrastructure/config/environment';
import { safeErrorMessage } from './shared/redact';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  const app = await createApp(env);
  await app.listen(env.PORT, env.HOST);
  const base = `http://${env.HOST}:${env.PORT}`;
  const served =
    env.APP_ROLE === 'worker'
      ? `health at ${base}/health/ready`
      : `GraphQL at ${base}/graphql (subscriptions: ws://${env.HOST}:${env.PORT}/graphql)`;
  console.log(`TenantAtlas (${env.APP_ROLE}) is up: ${served}`);
}

main().catch((error: unknown) => {
  // One clear line, no stack trace: the setting or dependency that stopped start-up.
  console.error(error instanceof ConfigValidationError ? error.message : `Start-up failed: ${safeErrorMessage(error)}`);
  process.exit(1);
});
