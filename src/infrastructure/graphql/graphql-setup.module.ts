import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { WebSocket } from 'ws';
import { AppConfig } from '../config/app-config';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { AuthModule } from '../auth/auth.module';
import { AppError } from '../../shared/app-errors';
import { requestIdFrom } from '../../shared/request-id';
import { formatGraphqlError } from './format-graphql-error';
import { GraphqlErrorLogFilter } from './graphql-error-log.filter';
import type { GraphqlContext } from './graphql-context';
import { createInputValidationPipe } from './input-validation.pipe';
import { queryLimits } from './query-complexity';
import { WsRateLimit } from '../rate-limit/ws-rate-limit';
import { wsOperationGuard } from './ws-operation-guard';
import { closeAtTokenExpiry } from './ws-token-expiry';
import { serviceUnavailablePlugin } from './service-unavailable.plugin';

function unauthenticated(error: unknown): GraphQLError {
  const message = error instanceof AppError ? error.message : 'Authentication required';
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AuthModule],
      inject: [AppConfig, AccessTokenVerifier, WsRateLimit],
      useFactory: ({ env }: AppConfig, verifier: AccessTokenVerifier, wsRateLimit: WsRateLimit): ApolloDriverConfig => {
        const production = env.NODE_ENV === 'production';
        const limits = queryLimits(production);
        const wsGuard = wsOperationGuard(wsRateLimit, production);
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: !production,
          playground: false,
          csrfPrevention: true,
          includeStacktraceInErrorResponses: false,
          plugins: [...limits.plugins, serviceUnavailablePlugin],
          preserveHttpStatusForExecutionErrors: false, // serviceUnavailablePlugin decides the status instead
          validationRules: [...limits.validationRules],
          parseOptions: limits.parseOptions,
          formatError: formatGraphqlError,
          // Authentication happens once per operation, before any resolver: no token, no GraphQL.
          context: async ({
            req,
            res,
            extra,
          }: {
            req?: Request;
            res?: Response;
            extra?: { user?: GraphqlContext['user'] };
          }): Promise<GraphqlContext> => {
            if (extra?.user) return { user: extra.user, requestId: randomUUID() };
            try {
              const user = await verifier.verify(req?.headers.authorization);
              // pino-http already gave the request its id (the caller's x-request-id when safe): logs and audit rows agree.
              const requestId = (req as { id?: unknown } | undefined)?.id;
              return {
                user,
                requestId: typeof requestId === 'string' ? requestId : requestIdFrom(req?.headers['x-request-id']),
                req,
                res,
              };
            } catch (error) {
              throw unauthenticated(error);
            }
          },
          subscriptions: {
            'graphql-ws': {
              path: '/graphql',
              // connection_init must carry { authorization: 'Bearer …' }; a bad one closes the socket with 4403.
              onConnect: async (ctx: {
                connectionParams?: Record<string, unknown>;
                extra: { user?: unknown; socket: WebSocket };
              }) => {
                wsRateLimit.watch(ctx.extra.socket); // messages per connection
                const params = ctx.connectionParams ?? {};
                const header = (params.authorization ?? params.Authorization) as string | undefined;
                try {
                  const user = await verifier.verify(header);
                  ctx.extra.user = user;
                  closeAtTokenExpiry(ctx.extra.socket, user.expiresAtMs, env.AUTH_CLOCK_SKEW_SEC);
                  return true;
                } catch {
                  return false;
                }
              },
              // Per-user operation limit, token limit and query-shape rules, as over HTTP.
              onSubscribe: wsGuard.onSubscribe,
              validate: wsGuard.validate,
              // Errors over WebSocket get the same stable codes and redaction as over HTTP.
              onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
                result.errors?.length
                  ? { ...result, errors: result.errors.map((error) => formatGraphqlError(error.toJSON(), error)) }
                  : undefined,
              onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
                errors.map((error) => formatGraphqlError(error.toJSON(), error)),
            },
          },
        } as ApolloDriverConfig;
      },
    }),
  ],
  providers: [
    // Every GraphQL argument and input is validated (class-validator) before a resolver sees it.
    { provide: APP_PIPE, useFactory: createInputValidationPipe },
    { provide: APP_FILTER, useClass: GraphqlErrorLogFilter },
  ],
})
export class GraphqlSetupModule {}
