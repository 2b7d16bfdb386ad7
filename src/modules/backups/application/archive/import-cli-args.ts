import { parseArgs } from 'node:util';

export interface ImportCliArgs {
  tenantId: string;
  path: string;
  label: string | null;
  url: string;
  token: string | null;
}

export const IMPORT_CLI_USAGE =
  'usage: npm run backup:import -- --tenant <tenantId> [--label <text>] [--url http://127.0.0.1:3000] [--token <bearer token>] <file.zip|folder>';

/** The CLI's arguments; throws a one-line message (with the usage) on anything else. TOKEN may replace --token. */
export function parseImportCliArgs(argv: string[], env: Record<string, string | undefined> = {}): ImportCliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        tenant: { type: 'string' },
        label: { type: 'string' },
        url: { type: 'string', default: 'http://127.0.0.1:3000' },
        token: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${IMPORT_CLI_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (!values.tenant || positionals.length !== 1) throw new Error(IMPORT_CLI_USAGE);
  return {
    tenantId: values.tenant,
    path: positionals[0],
    label: values.label ?? null,
    url: (values.url ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    token: values.token ?? env.TOKEN ?? null,
  };
}
