/** The app's /console-config.json: sign-in settings read at run time, so one build serves any Entra tenant. */
export interface ConsoleConfig {
  auth: { authority: string; clientId: string; scopes: string[] } | null;
  graphqlPath: string;
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console-config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The console settings could not be read (HTTP ${response.status})`);
  return (await response.json()) as ConsoleConfig;
}
