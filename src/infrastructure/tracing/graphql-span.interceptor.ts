import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import type { GraphQLResolveInfo } from 'graphql';
import { Observable } from 'rxjs';
import { tracer, tracingEnabled } from './tracing';

/**
 * A span per root query or mutation field (`graphql.mutation startInventorySync`), made the active context while
 * its resolver runs, so a run it starts carries this trace into its job. Subscriptions and nested fields get none.
 */
@Injectable()
export class GraphqlSpanInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!tracingEnabled() || execution.getType<GqlContextType>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(execution).getInfo<GraphQLResolveInfo>();
    const operation = info.operation.operation;
    if (info.path.prev !== undefined || operation === 'subscription') return next.handle();
    return new Observable((subscriber) => {
      const span = tracer.startSpan(`graphql.${operation} ${info.fieldName}`, {
        attributes: {
          'graphql.operation.type': operation,
          'graphql.operation.name': info.operation.name?.value ?? '',
          'graphql.field.name': info.fieldName,
        },
      });
      // Subscribing inside the span's context runs the (deferred) resolver in it.
      const inner = context.with(trace.setSpan(context.active(), span), () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            // The error's class only: messages may quote input.
            span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name ?? 'Error' });
            span.end();
            subscriber.error(error);
          },
          complete: () => {
            span.end();
            subscriber.complete();
          },
        }),
      );
      return () => inner.unsubscribe();
    });
  }
}
