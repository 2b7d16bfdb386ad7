export { ConsoleModule } from './console.module';
export { serveConsole } from './serve-console';
export { consoleRuntimeConfig, consoleAuthorityOrigin, type ConsoleRuntimeConfig } from './console-settings';
