import { Module } from '@nestjs/common';
import { ConsoleConfigController } from './console-config.controller';

/** The console's run-time settings endpoint; its files are served by `serveConsole` (bootstrap). */
@Module({ controllers: [ConsoleConfigController] })
export class ConsoleModule {}
