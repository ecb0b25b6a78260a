/** The one route that accepts the access token outside the Authorization header. */
export const STREAM_PATH = '/api/notifications/stream';
export const STREAM_TOKEN_COOKIE = 'tdkt_access_token';
/** Name of the OpenAPI security scheme "token in the `access_token` query parameter". */
export const STREAM_QUERY_AUTH = 'access_token';

interface MiddlewareRequest {
  originalUrl?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * EventSource cannot set headers: for the notification stream only, a token given as
 * `?access_token=` (RFC 6750 §2.3) or as the `tdkt_access_token` cookie is moved into the
 * Authorization header, so the ordinary guard checks it exactly like any bearer token.
 * A header already present wins.
 */
export function streamTokenMiddleware(req: MiddlewareRequest, _res: unknown, next: () => void): void {
  if (!req.headers.authorization) {
    const token = tokenFromQuery(req.originalUrl ?? req.url ?? '') ?? tokenFromCookie(req.headers.cookie);
    if (token) req.headers.authorization = `Bearer ${token}`;
  }
  next();
}

function tokenFromQuery(url: string): string | undefined {
  try {
    return new URL(url, 'http://local').searchParams.get('access_token') || undefined;
  } catch {
    return undefined;
  }
}

function tokenFromCookie(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header.join('; ') : header;
  for (const part of raw?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === STREAM_TOKEN_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
