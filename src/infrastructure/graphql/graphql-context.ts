import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** What every resolver receives: the caller (always set: unauthenticated requests never reach a resolver). */
export interface GraphqlContext {
  user: AuthenticatedUser;
  requestId: string;
  req?: Request;
  res?: Response;
}
