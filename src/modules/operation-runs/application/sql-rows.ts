import type { DataSource, EntityManager } from 'typeorm';
import { operationRunFromRow, type OperationRun } from '../domain/operation-run.entity';

/** TypeORM returns `[rows, count]` for UPDATE … RETURNING and `rows` otherwise; callers want rows. */
export async function queryRows(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<Record<string, any>[]> {
  const raw = (await db.query(sql, params)) as unknown;
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0];
  return raw as Record<string, any>[];
}

export async function queryRuns(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<OperationRun[]> {
  return (await queryRows(db, sql, params)).map(operationRunFromRow);
}
