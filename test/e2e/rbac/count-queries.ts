import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** Counts the SQL statements this process sends that name `table` while `work` runs (the database stays real). */
export async function queriesOn<T>(table: string, work: () => Promise<T>): Promise<{ result: T; count: number }> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    const result = await work();
    return { result, count: spy.mock.calls.filter(([sql]) => String(sql).includes(`"${table}"`)).length };
  } finally {
    spy.mockRestore();
  }
}
