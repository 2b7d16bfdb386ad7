import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { requestIdFrom } from '../../shared/request-id';
import { AppConfig } from '../config/app-config';
import { traceIdsForLog } from '../tracing';

/** pino, JSON lines; credentials are redacted at the source (headers) and by pattern in messages (redactSecrets). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: ({ env }: AppConfig) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          base: { role: env.APP_ROLE },
          mixin: traceIdsForLog, // trace_id/span_id while tracing is on and a span is active
          genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
              '*.clientSecret',
              '*.accessToken',
              '*.privateKeyPem',
              '*.password',
            ],
            censor: '[REDACTED]',
          },
          autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
