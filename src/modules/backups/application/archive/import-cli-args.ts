import { parseArgs } from 'node:util';

export interface ImportCliArgs {
  tenantId: string;
  path: string;
  label: string | null;
}

export const IMPORT_CLI_USAGE =
  'usage: npm run backup:import -- --tenant <tenantId> [--label <text>] <file.zip|folder>';

/** `--tenant <id> [--label <text>] <zip|dir>`; throws a one-line message (with the usage) on anything else. */
export function parseImportCliArgs(argv: string[]): ImportCliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { tenant: { type: 'string' }, label: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${IMPORT_CLI_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (!values.tenant || positionals.length !== 1) throw new Error(IMPORT_CLI_USAGE);
  return { tenantId: values.tenant, path: positionals[0], label: values.label ?? null };
}
