import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../bootstrap';
import { validateEnvironment } from '../infrastructure/config/environment';

const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'schema.gql');
const HEADER =
  '# The GraphQL contract of TenantAtlas. Generated from the code by `npm run schema:generate`; CI fails when it drifts.\n# Renaming or removing a field is a breaking change: add, deprecate, then remove.\n\n';

/** `schema.gql` is the API contract: `write` regenerates it from the code, `check` fails when they differ. */
async function main(mode: string): Promise<void> {
  const env = validateEnvironment({
    ...process.env,
    APP_ROLE: 'api',
    NODE_ENV: 'development',
    MIGRATIONS_RUN: 'false', // only the schema is read; nothing is written
    DATABASE_AUTO_CREATE: 'false',
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    LOG_LEVEL: 'error',
  });
  const app = await createApp(env);
  await app.init();
  const generated = HEADER + printSchema(app.get(GraphQLSchemaHost).schema) + '\n';
  await app.close();

  if (mode === 'write') {
    writeFileSync(SCHEMA_FILE, generated);
    console.log(`Wrote ${SCHEMA_FILE}`);
    return;
  }
  const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8').replace(/\r\n/g, '\n') : '';
  if (committed !== generated) {
    const a = committed.split('\n');
    const b = generated.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    console.error(
      `schema.gql is out of date (first difference at line ${line + 1}: committed "${a[line] ?? ''}" vs code "${b[line] ?? ''}"). Run npm run schema:generate and review the API change.`,
    );
    process.exit(1);
  }
  console.log('schema.gql matches the code.');
}

main(process.argv[2] ?? 'check').catch((error: Error) => {
  console.error(`schema: ${error.message}`);
  process.exit(1);
});
