/** Every migration, in order. Listed explicitly (no glob) so the app, the CLI and jest load the same set. */
export const MIGRATIONS: Function[] = [];
