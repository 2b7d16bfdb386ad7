import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  dropDatabase,
  ensureDatabaseExists,
  withDatabaseName,
} from '../../../src/infrastructure/database/database-url';
import { runMigrations } from '../../../src/infrastructure/database/run-migrations';
import { MIGRATIONS } from '../../../migrations';

describe('migrations', () => {
  const url = withDatabaseName(
    process.env.DATABASE_URL!,
    `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_mig`,
  );

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

  it('lists every migration file in migrations/index.ts, in timestamp order', () => {
    const files = readdirSync(join(__dirname, '../../../migrations'))
      .filter((f) => /^\d{13}-.+\.ts$/.test(f))
      .sort();
    const names = MIGRATIONS.map((m) => m.name);
    expect(names).toEqual(
      files.map((f) => {
        const [stamp, rest] = [f.slice(0, 13), f.slice(14, -3)];
        return `${rest.replace(/-/g, '')}${stamp}`;
      }),
    );
  });
});
