import type { Environment } from './environment';

/** The validated settings, injectable by class. Keeps `process.env` out of the rest of the code. */
export abstract class AppConfig {
  abstract readonly env: Environment;
}

export function csv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
