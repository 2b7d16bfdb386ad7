import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csv } from '../config/app-config';
import type { Environment } from '../config/environment';

/** What the console needs at run time to sign in: served as /console-config.json, never baked into the bundle. */
export interface ConsoleRuntimeConfig {
  /** null: sign-in is not configured (the console says which settings are missing). */
  auth: { authority: string; clientId: string; scopes: string[] } | null;
  graphqlPath: string;
}

export function consoleRuntimeConfig(env: Environment): ConsoleRuntimeConfig {
  const scopes = env.CONSOLE_SCOPES.trim()
    ? env.CONSOLE_SCOPES.split(/\s+/).filter(Boolean)
    : [`${csv(env.AUTH_AUDIENCE)[0]}/access_as_user`];
  return {
    auth:
      env.CONSOLE_CLIENT_ID && env.CONSOLE_AUTHORITY
        ? { authority: env.CONSOLE_AUTHORITY.replace(/\/+$/, ''), clientId: env.CONSOLE_CLIENT_ID, scopes }
        : null,
    graphqlPath: '/graphql',
  };
}

/** The origin the console talks to for sign-in (metadata, token endpoint): allowed in the CSP's connect-src. */
export function consoleAuthorityOrigin(env: Environment): string | null {
  return env.CONSOLE_AUTHORITY ? new URL(env.CONSOLE_AUTHORITY).origin : null;
}

/**
 * The built console: CONSOLE_DIR, else dist/web next to the compiled app (dist/src/infrastructure/console) or, when
 * the app runs from source (tests, swc), dist/web in the repository. null when none was built.
 */
export function consoleDirectory(env: Environment): string | null {
  const candidates = env.CONSOLE_DIR
    ? [resolve(env.CONSOLE_DIR)]
    : [join(__dirname, '..', '..', '..', 'web'), join(__dirname, '..', '..', '..', 'dist', 'web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}
