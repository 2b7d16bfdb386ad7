import { Controller, Get, Header } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { consoleRuntimeConfig, type ConsoleRuntimeConfig } from './console-settings';

/** The console reads its sign-in settings at start, so one build runs against any Entra tenant. */
@Controller()
export class ConsoleConfigController {
  constructor(private readonly config: AppConfig) {}

  @Get('console-config.json')
  @Header('cache-control', 'no-store')
  get(): ConsoleRuntimeConfig {
    return consoleRuntimeConfig(this.config.env);
  }
}
