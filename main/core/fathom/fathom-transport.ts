// One Fathom API call through the SDK (standalone functions only), with our deadline, size cap
// and a record of the wire, so that the SDK's silent `undefined` for 400/401/429 becomes typed.
import { FathomCore } from 'fathom-typescript/core.js';
import { HTTPClient } from 'fathom-typescript/lib/http.js';
import { FathomError, ResponseValidationError } from 'fathom-typescript/sdk/models/errors';
import type { AppError } from '../errors.ts';
import { fetchWithin } from '../net/fetch-within.ts';
import { isWireError, type WireError } from '../net/wire-error.ts';
import type { Clock, Fetch, Logger } from '../ports.ts';
import type { FathomCredential } from './fathom-api.types.ts';
import {
  notFoundError,
  offlineError,
  rateLimitedError,
  rateLimitRetryAt,
  requestRefusedError,
  schemaMismatchError,
  serverError,
  unexpectedError,
  wireFailureError,
} from './fathom-errors.ts';

/** What the SDK's standalone functions resolve to. */
export type SdkResult<T> = { ok: true; value: T | undefined } | { ok: false; error: Error };

/** The outcome of one call: a value, a refused credential (the caller may retry once), or a failure. */
export type CallOutcome<T> =
  { kind: 'ok'; value: T } | { kind: 'unauthorized' } | { kind: 'failed'; error: AppError };

export interface FathomTransport {
  /** `operation` names the call in logs (never a URL with a cursor or an id in it). */
  send<T>(
    operation: string,
    credential: FathomCredential,
    invoke: (core: FathomCore) => PromiseLike<SdkResult<T>>,
  ): Promise<CallOutcome<T>>;
}

export interface FathomTransportDeps {
  fetch: Fetch;
  baseUrl: string;
  clock: Clock;
  logger: Logger;
  deadlineMs: number;
  maxBytes: number;
}

/** The last exchange the fetcher saw: its status and headers, or why there was none. */
interface WireRecord {
  status?: number;
  headers?: Headers;
  failure?: WireError;
}

export function createFathomTransport(deps: FathomTransportDeps): FathomTransport {
  const { clock, logger, deadlineMs, maxBytes } = deps;
  const baseUrl = deps.baseUrl.replace(/\/+$/, '');

  /** The SDK's HTTP client, over our Fetch port within a deadline and a size cap. */
  function httpClientRecording(wire: WireRecord): HTTPClient {
    return new HTTPClient({
      fetcher: async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        try {
          const reply = await fetchWithin(
            deps.fetch,
            request.url,
            { method: request.method, headers: request.headers },
            { deadlineMs, maxBytes },
          );
          wire.status = reply.status;
          wire.headers = reply.headers;
          return new Response(nullBodyStatus(reply.status) ? null : reply.text, {
            status: reply.status,
            headers: reply.headers,
          });
        } catch (error) {
          if (isWireError(error)) wire.failure = error;
          throw error;
        }
      },
    });
  }

  function classify<T>(operation: string, result: SdkResult<T>, wire: WireRecord): CallOutcome<T> {
    if (wire.failure) {
      logger.warn('fathom api call did not complete', { operation, failure: wire.failure.kind });
      return { kind: 'failed', error: wireFailureError(wire.failure, deadlineMs) };
    }
    if (result.ok && result.value !== undefined) return { kind: 'ok', value: result.value };
    if (result.ok) {
      // The SDK resolves `undefined` for 400, 401 and 429: the recorded status says which.
      const status = wire.status;
      logger.warn('fathom api refused the call', { operation, status: status ?? null });
      if (status === 401) return { kind: 'unauthorized' };
      if (status === 429) {
        const now = clock.now();
        return {
          kind: 'failed',
          error: rateLimitedError(rateLimitRetryAt(wire.headers, now), now),
        };
      }
      if (status === 400) return { kind: 'failed', error: requestRefusedError() };
      return { kind: 'failed', error: unexpectedError() };
    }
    return { kind: 'failed', error: errorFor(operation, result.error) };
  }

  function errorFor(operation: string, error: Error): AppError {
    if (error instanceof ResponseValidationError) {
      logger.warn('fathom api answer did not match the expected shape', {
        operation,
        path: firstIssuePath(error.cause),
      });
      return schemaMismatchError(error);
    }
    if (error instanceof FathomError) {
      const status = error.statusCode;
      logger.warn('fathom api call failed', { operation, status });
      if (status === 404) return notFoundError();
      if (status >= 500) return serverError(status);
      // A 200 the SDK could not read (no JSON content type) is a shape we do not understand.
      if (status >= 200 && status <= 299) return schemaMismatchError(error);
      return serverError(status);
    }
    // The SDK's own ConnectionError & co. without a wire record: the request never left.
    logger.warn('fathom api call failed before an answer', { operation, error: error.name });
    return error.name === 'SDKValidationError' ? unexpectedError(error) : offlineError(error);
  }

  return {
    async send<T>(
      operation: string,
      credential: FathomCredential,
      invoke: (core: FathomCore) => PromiseLike<SdkResult<T>>,
    ): Promise<CallOutcome<T>> {
      const wire: WireRecord = {};
      // Fetched before the call; the security callback only hands it over and cannot throw.
      const security =
        credential.kind === 'bearer'
          ? { bearerAuth: credential.accessToken }
          : { apiKeyAuth: credential.apiKey };
      const core = new FathomCore({
        serverURL: baseUrl,
        httpClient: httpClientRecording(wire),
        security: async () => security,
        retryConfig: { strategy: 'none' },
      });
      const pending = invoke(core);
      // APIPromise keeps a second, unwrapped promise: mark it handled so no rejection leaks.
      if ('catch' in pending && typeof pending.catch === 'function')
        (pending as Promise<unknown>).catch(() => undefined);
      let result: SdkResult<T>;
      try {
        result = await pending;
      } catch (error) {
        return {
          kind: 'failed',
          error: wire.failure ? wireFailureError(wire.failure, deadlineMs) : unexpectedError(error),
        };
      }
      return classify(operation, result, wire);
    },
  };
}

/** The path of the first zod issue, e.g. "Result.items.0.recording_id" — never a value. */
function firstIssuePath(cause: unknown): string | null {
  if (typeof cause !== 'object' || cause === null || !('issues' in cause)) return null;
  const issues = (cause as { issues: unknown }).issues;
  if (!Array.isArray(issues) || issues.length === 0) return null;
  const path = (issues[0] as { path?: unknown }).path;
  return Array.isArray(path) ? path.map(String).join('.') : null;
}

/** Statuses whose Response may not carry a body (Fetch standard). */
function nullBodyStatus(status: number): boolean {
  return status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
}
