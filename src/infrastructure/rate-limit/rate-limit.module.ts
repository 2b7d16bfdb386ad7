import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { HttpRateLimitMiddleware } from './http-rate-limit.middleware';
import { RateLimits } from './rate-limits';
import { WsRateLimit } from './ws-rate-limit';

/** Request limits for HTTP and WebSocket (see README "Rate limits"); the middleware is installed by bootstrap.ts. */
@Global()
@Module({
  imports: [AuthModule],
  providers: [RateLimits, HttpRateLimitMiddleware, WsRateLimit],
  exports: [RateLimits, HttpRateLimitMiddleware, WsRateLimit],
})
export class RateLimitModule {}
