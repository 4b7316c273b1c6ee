// The one way the dashboard talks to the API: same-origin cookie session, double-submit anti-forgery
// header on unsafe methods, RFC 9457 problem details turned into ProblemError.

export const API_BASE = '/api/v1';

export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: Record<string, string[]>;
  readonly type?: string;
  /** What kind of problem it is, for the page to tell answers apart (e.g. a data error: "target-single-value"). */
  readonly code?: string;
  /** A warning the request may override (a job with force: true). */
  readonly overridable: boolean;

  constructor(
    status: number,
    title: string,
    detail?: string,
    errors?: Record<string, string[]>,
    type?: string,
    code?: string,
    overridable = false,
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.type = type;
    this.code = code;
    this.overridable = overridable;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(name: string): string | undefined {
  const prefix = name + '=';
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return undefined;
}

let antiforgeryRequest: Promise<void> | null = null;

/** The API sets XSRF-TOKEN at sign-in; a session that outlived the cookie asks for a fresh one once. */
export async function xsrfToken(): Promise<string | undefined> {
  let token = readCookie('XSRF-TOKEN');
  if (token) return token;
  antiforgeryRequest ??= fetch(API_BASE + '/auth/antiforgery', { credentials: 'same-origin' }).then(
    () => undefined,
    () => undefined,
  );
  await antiforgeryRequest;
  antiforgeryRequest = null;
  token = readCookie('XSRF-TOKEN');
  return token;
}

/** The API's answer when an action (new API key, account deletion, billing) needs a sign-in in the last minutes. */
export const SIGN_IN_AGAIN = 'urn:automl:problem:sign-in-again';

/** Paths that answer 401 as part of their normal use (wrong password), so they must not redirect. */
const NO_REDIRECT = ['/auth/login', '/auth/signup', '/me'];

function redirectToLogin() {
  const here = window.location.pathname;
  if (['/login', '/signup', '/verify-email', '/forgot-password', '/reset-password', '/confirm-email-change'].includes(here)) return;
  const next = encodeURIComponent(here + window.location.search);
  window.location.assign(`/login?next=${next}`);
}

export async function toProblem(response: Response): Promise<ProblemError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as {
        title?: string;
        detail?: string;
        errors?: Record<string, string[]>;
        type?: string;
        code?: string;
        overridable?: boolean;
      };
      return new ProblemError(
        response.status,
        body.title ?? response.statusText,
        body.detail,
        body.errors,
        body.type,
        body.code,
        body.overridable === true,
      );
    } catch {
      // fall through to the generic message
    }
  }
  return new ProblemError(response.status, response.statusText || 'Request failed', `The server answered ${response.status}.`);
}

/** Builds the headers of a request, adding the anti-forgery header on unsafe methods. */
export async function requestHeaders(method: string, init?: HeadersInit): Promise<Headers> {
  const headers = new Headers(init);
  if (!SAFE_METHODS.has(method.toUpperCase())) {
    const token = await xsrfToken();
    if (token) headers.set('X-XSRF-TOKEN', token);
  }
  return headers;
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = await requestHeaders(method, init.headers);
  if (init.body !== undefined && typeof init.body === 'string' && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  headers.set('accept', 'application/json, application/problem+json');
  let response: Response;
  try {
    response = await fetch(API_BASE + path, { ...init, method, headers, credentials: 'same-origin' });
  } catch {
    throw new ProblemError(0, 'Network error', 'The server could not be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const problem = await toProblem(response);
    if (response.status === 401 && !NO_REDIRECT.some((p) => path.startsWith(p))) redirectToLogin();
    // The session is fine but old: sign in again and come back to the same page to retry.
    if (response.status === 403 && problem.type === SIGN_IN_AGAIN) redirectToLogin();
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (text === '') return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? JSON.parse(text) : text) as T;
}

/** JSON body helper: `apiFetch(path, json('POST', body))`. */
export function json(method: string, body: unknown): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}
