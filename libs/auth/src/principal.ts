import { Role } from './role';

/** The signed-in account a request acts for. */
export interface Principal {
  userId: string;
  login: string;
  displayName: string;
  role: Role;
  locale: string;
  /** Must accompany every state-changing request made with the session cookie. */
  csrfToken: string;
}

export const SESSION_COOKIE = 'jqc_session';
export const CSRF_HEADER = 'x-csrf-token';
