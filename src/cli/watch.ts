import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { isUuid } from '../shared/uuid';

/**
 * `npm run watch -- <runId|tenantId> [--url http://127.0.0.1:3000] [--token …] [--json]`: prints every
 * `operationRunUpdated` event of one run (until it completes) or of every run of one tenant (until Ctrl-C), one
 * line each. The token comes from --token or the TOKEN environment variable (`npm run demo` prints one).
 * Exit codes: 0 the run succeeded (or partially) / Ctrl-C, 2 the run ended failed, cancelled or timed out, 1 error.
 */
const USAGE =
  'usage: npm run watch -- <runId|tenantId> [--url http://127.0.0.1:3000] [--token <bearer token>] [--json]';
const RUN_FIELDS = `id type status outcome tenantId summaryCounts { total processed succeeded failed skipped } failures { code message } version`;
const SAFETY_POLL_MS = 5000;

interface RunEvent {
  id: string;
  type: string;
  status: string;
  outcome: string | null;
  tenantId: string | null;
  summaryCounts: { total: number; processed: number; succeeded: number; failed: number; skipped: number };
  failures: Array<{ code: string; message: string }>;
  version: number;
}

class CliError extends Error {}

/** One line per event: time, run, type, status (and outcome), progress, first failure. */
export function formatRunEvent(run: RunEvent, at = new Date()): string {
  const { total, processed, failed } = run.summaryCounts;
  const state = run.outcome ? `${run.status} ${run.outcome}` : run.status;
  const failure = run.failures[0] ? `  ${run.failures[0].code}: ${run.failures[0].message}` : '';
  return `${at.toISOString()}  ${run.id}  ${run.type.padEnd(22)} ${state.padEnd(30)} ${processed}/${total} processed, ${failed} failed  v${run.version}${failure}`;
}

async function query<T>(url: string, token: string, text: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, variables }),
  }).catch((error: Error) => {
    throw new CliError(`cannot reach ${url}: ${error.message}`);
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  const error = body.errors?.find((e) => e.extensions?.code !== 'NOT_FOUND');
  if (error) throw new CliError(`${error.extensions?.code ?? `HTTP ${response.status}`}: ${error.message}`);
  return (body.data ?? {}) as T; // a NOT_FOUND root field nulls the whole data object
}

/** A run id or a tenant id (both UUIDs): the API says which, and whether the caller may see it. */
async function resolveTarget(url: string, token: string, id: string): Promise<{ run?: RunEvent; tenantId?: string }> {
  const { operationRun } = await query<{ operationRun: RunEvent | null }>(
    url,
    token,
    `query($id: ID!) { operationRun(id: $id) { ${RUN_FIELDS} } }`,
    { id },
  );
  if (operationRun) return { run: operationRun };
  const { tenant } = await query<{ tenant: { id: string } | null }>(
    url,
    token,
    `query($id: ID!) { tenant(id: $id) { id } }`,
    {
      id,
    },
  );
  if (tenant) return { tenantId: tenant.id };
  throw new CliError(`no run or tenant ${id} that this token may see`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      token: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 1;
  }
  const token = values.token ?? process.env.TOKEN;
  if (!token) throw new CliError('no token: pass --token or set TOKEN (npm run demo prints one)');
  const url = values.url.replace(/\/+$/, '').replace(/\/graphql$/, '');
  const id = positionals[0].trim().toLowerCase();
  if (!isUuid(id)) throw new CliError(`${positionals[0]} is not a run or tenant id (a UUID)`);
  const target = await resolveTarget(url, token, id);
  const print = (run: RunEvent) => console.log(values.json ? JSON.stringify(run) : formatRunEvent(run));

  const client: Client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 5,
    lazy: false,
  });
  const versions = new Map<string, number>();
  return new Promise<number>((resolve, reject) => {
    let poll: NodeJS.Timeout | undefined;
    const finish = (code: number) => {
      clearInterval(poll);
      void client.dispose();
      resolve(code);
    };
    /** Prints an event unless an equal or newer version of that run was printed; ends a one-run watch on completion. */
    const seen = (run: RunEvent) => {
      if ((versions.get(run.id) ?? -1) >= run.version) return;
      versions.set(run.id, run.version);
      print(run);
      if (target.run && run.status === 'COMPLETED')
        finish(run.outcome === 'SUCCEEDED' || run.outcome === 'PARTIALLY_SUCCEEDED' ? 0 : 2);
    };
    client.subscribe<{ operationRunUpdated: RunEvent }>(
      {
        query: `subscription($id: ID, $tenantId: ID) { operationRunUpdated(id: $id, tenantId: $tenantId) { ${RUN_FIELDS} } }`,
        variables: target.run ? { id: target.run.id } : { tenantId: target.tenantId },
      },
      {
        next: ({ data, errors }) => {
          if (errors?.length) return reject(new CliError(errors.map((e) => e.message).join('; ')));
          if (data) seen(data.operationRunUpdated);
        },
        error: (error: unknown) =>
          reject(
            new CliError(
              Array.isArray(error)
                ? error.map((e: { message: string }) => e.message).join('; ')
                : error instanceof Error
                  ? error.message
                  : `connection closed (${(error as { code?: number }).code ?? 'unknown'})`,
            ),
          ),
        complete: () => finish(0),
      },
    );
    if (target.run) {
      seen(target.run);
      // A change between the first read and the subscription going live is not lost: re-read now and then.
      poll = setInterval(() => {
        void query<{ operationRun: RunEvent | null }>(
          url,
          token,
          `query($id: ID!) { operationRun(id: $id) { ${RUN_FIELDS} } }`,
          { id },
        ).then((data) => data.operationRun && seen(data.operationRun), reject);
      }, SAFETY_POLL_MS);
    } else {
      console.error(`watching every run of tenant ${target.tenantId} (Ctrl-C to stop)`);
    }
    process.once('SIGINT', () => finish(0));
    process.once('SIGTERM', () => finish(0));
  });
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`watch: ${error instanceof CliError ? error.message : error.message || String(error)}`);
      process.exit(1);
    },
  );
}
