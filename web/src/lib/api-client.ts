import { ApiErrorSchema, type ApiIssue } from '@tiltmeter/shared/api';

/**
 * What the client needs from a schema. Every zod schema satisfies it; typing it structurally keeps
 * zod a dependency of @tiltmeter/shared only.
 */
export interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/** Codes the client produces itself, beside the server's own codes. */
export const CLIENT_ERROR_CODES = {
  /** fetch rejected: offline, DNS, server not listening. `status` is 0. */
  network: 'network_error',
  /** The server answered with a non-JSON or unexpected error body (a proxy page, for instance). */
  http: 'http_error',
  /** A success response that does not match the shared schema: a contract bug, never the user's. */
  invalidResponse: 'invalid_response',
} as const;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];

  constructor(
    status: number,
    code: string,
    message: string,
    issues: readonly ApiIssue[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  /** 4xx: the request itself was wrong, so repeating it cannot help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Appended as a query string; null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  /**
   * Non-2xx statuses whose body is a regular response (parsed with the schema) rather than an error,
   * e.g. the 503 of /api/health, which still describes the system.
   */
  acceptStatuses?: readonly number[];
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function apiRequest<T>(
  method: Method,
  url: string,
  schema: ResponseSchema<T>,
  options: RequestOptions & { body?: unknown } = {},
): Promise<T> {
  const { signal, query, acceptStatuses = [], body } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(withQuery(url, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    // A cancelled query is not a failure: let TanStack Query see the AbortError as it is.
    if (signal?.aborted) throw cause;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, 'Cannot reach the server.', [], { cause });
  }

  const payload = await readJson(response);
  if (!response.ok && !acceptStatuses.includes(response.status)) throw toApiError(response, payload);

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      CLIENT_ERROR_CODES.invalidResponse,
      `Unexpected response from ${method} ${url}.`,
      [],
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

export function apiGet<T>(url: string, schema: ResponseSchema<T>, options?: RequestOptions): Promise<T> {
  return apiRequest('GET', url, schema, options);
}

export function apiPost<T>(
  url: string,
  body: unknown,
  schema: ResponseSchema<T>,
  options?: RequestOptions,
): Promise<T> {
  return apiRequest('POST', url, schema, { ...options, body });
}

export function apiPut<T>(
  url: string,
  body: unknown,
  schema: ResponseSchema<T>,
  options?: RequestOptions,
): Promise<T> {
  return apiRequest('PUT', url, schema, { ...options, body });
}

export function apiPatch<T>(
  url: string,
  body: unknown,
  schema: ResponseSchema<T>,
  options?: RequestOptions,
): Promise<T> {
  return apiRequest('PATCH', url, schema, { ...options, body });
}

export function apiDelete<T>(url: string, schema: ResponseSchema<T>, options?: RequestOptions): Promise<T> {
  return apiRequest('DELETE', url, schema, options);
}

function withQuery(url: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) params.append(key, String(value));
  }
  const search = params.toString();
  if (!search) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${search}`;
}

/** The body as JSON, or undefined when there is none (204) or it is not JSON (a proxy's HTML page). */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const parsed = ApiErrorSchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new ApiError(response.status, code, message, issues);
  }
  return new ApiError(
    response.status,
    CLIENT_ERROR_CODES.http,
    `Request failed with status ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
  );
}
