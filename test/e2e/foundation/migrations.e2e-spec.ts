import { Client } from 'pg';
import { dropDatabase, ensureDatabaseExists, withDatabaseName } from '../../../src/infrastructure/database/database-url';
import { runMigrations } from '../../../src/infrastructure/database/run-migrations';
import { MIGRATIONS } from '../../../migrations';

describe('migrations', () => {
  const url = withDatabaseName(process.env.DATABASE_URL!, `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_mig`);

  beforeAll(() => ensureDatabaseExists(url));
  afterAll(() => dropDatabase(url));

  it('apply to an empty database, and a second run is a no-op', async () => {
    const first = await runMigrations(url);
    expect(first).toHaveLength(MIGRATIONS.length);
    const second = await runMigrations(url);
    expect(second).toEqual([]);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM typeorm_migrations');
      expect(rows[0].n).toBe(MIGRATIONS.length);
    } finally {
      await client.end();
    }
  });
});
