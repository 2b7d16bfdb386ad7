import { createContext, useContext } from 'react';
import type { ApiClients } from '../api/client';
import type { Session } from '../auth/session';

export interface ConsoleContext {
  session: Session;
  api: ApiClients;
}

export const ConsoleContext = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside <ConsoleContext>');
  return value;
}
