import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'web');
const BUILT = join(ROOT, 'dist', 'web', 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** CI runs `npm test` before `npm run build`: build the console when dist/web is missing or older than web/. */
export default function globalSetup(): void {
  const stale =
    !existsSync(BUILT) ||
    Math.max(newestMtime(WEB), statSync(join(ROOT, 'package-lock.json')).mtimeMs) > statSync(BUILT).mtimeMs;
  if (stale)
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', '.bin', 'vite'),
        'build',
        '--config',
        join(WEB, 'vite.config.ts'),
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
}
