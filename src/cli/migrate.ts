import { validateEnvironment } from '../infrastructure/config/environment';
import { ensureDatabaseExists } from '../infrastructure/database/database-url';
import { runMigrations } from '../infrastructure/database/run-migrations';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL; a second run is a no-op. */
async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  if (env.DATABASE_AUTO_CREATE) await ensureDatabaseExists(env.DATABASE_URL);
  const applied = await runMigrations(env.DATABASE_URL);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'No pending migrations.',
  );
}

main().catch((error: Error) => {
  console.error(`migration:run failed: ${error.message}`);
  process.exit(1);
});
