/** The shared ioredis client (commands only; blocking consumers and subscribers open their own connections). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
