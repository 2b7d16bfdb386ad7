import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ConsoleConfig } from './console-config';

/** Where the console asks the user to sign in again; `returnTo` brings them back to the page they were on. */
export const signInPath = (returnTo: string, reason?: 'expired' | 'signed-out'): string =>
  `/signin?${new URLSearchParams({ returnTo, ...(reason ? { reason } : {}) })}`;

/** Set when a session ends (expired, renewal refused) so the sign-in page can say so even after the user is gone. */
const ENDED_KEY = 'tenantatlas.session-ended';

export const currentPath = (): string => `${window.location.pathname}${window.location.search}${window.location.hash}`;

/**
 * The signed-in user: OpenID Connect authorization code + PKCE (oidc-client-ts) against the configured authority
 * (Entra ID in production, the Graph simulator in the demo and tests). Tokens live in sessionStorage and are renewed
 * with the refresh token before they expire; when renewal fails the session ends and the user signs in again.
 */
export class Session {
  private readonly manager: UserManager;
  private readonly endedListeners = new Set<() => void>();

  constructor(auth: NonNullable<ConsoleConfig['auth']>) {
    const origin = window.location.origin;
    this.manager = new UserManager({
      authority: auth.authority,
      client_id: auth.clientId,
      redirect_uri: `${origin}/auth/callback`,
      post_logout_redirect_uri: `${origin}/signin?reason=signed-out`,
      response_type: 'code',
      scope: ['openid', 'profile', 'offline_access', ...auth.scopes].join(' '),
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: true,
      loadUserInfo: false,
    });
    this.manager.events.addSilentRenewError(() => void this.end());
  }

  /** The user with a usable access token, renewing it first when it has expired; null when signed out. */
  async user(): Promise<User | null> {
    const user = await this.manager.getUser();
    if (!user) return null;
    if (!user.expired) return user;
    return this.renew();
  }

  /**
   * Whether a user was signed in in this tab, expired or not (an ended session says so on the sign-in page). The
   * marker covers the race where the automatic renewal fails, and forgets the user, before the page asks.
   */
  async hadSession(): Promise<boolean> {
    return (await this.manager.getUser()) !== null || window.sessionStorage.getItem(ENDED_KEY) !== null;
  }

  async accessToken(): Promise<string | null> {
    return (await this.user())?.access_token ?? null;
  }

  /** A fresh access token from the refresh token; null (and the session ends) when the authority refuses. */
  async renew(): Promise<User | null> {
    try {
      return await this.manager.signinSilent();
    } catch {
      await this.end();
      return null;
    }
  }

  signIn(returnTo: string): Promise<void> {
    return this.manager.signinRedirect({ state: { returnTo } });
  }

  /** Completes the redirect back from the authority; returns the page to go back to. */
  async completeSignIn(): Promise<string> {
    const user = await this.manager.signinRedirectCallback();
    window.sessionStorage.removeItem(ENDED_KEY);
    const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
    return returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  }

  async signOut(): Promise<void> {
    const user = await this.manager.getUser();
    window.sessionStorage.removeItem(ENDED_KEY);
    await this.manager.removeUser();
    await this.manager.signoutRedirect({ id_token_hint: user?.id_token });
  }

  /** Forget the user (expired or refused session); listeners send the user to sign in, remembering the page. */
  async end(): Promise<void> {
    window.sessionStorage.setItem(ENDED_KEY, String(Date.now()));
    await this.manager.removeUser();
    this.endedListeners.forEach((listener) => listener());
  }

  onEnded(listener: () => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }
}
