import type { Fetch } from '../ports.ts';
import { readBoundedText } from './bounded-body.ts';
import { startDeadline, untilAborted, type Deadline } from './deadline.ts';
import { WireError } from './wire-error.ts';

export interface WireLimits {
  /** Total time for the whole exchange, headers and body: a dripping body cannot extend it. */
  deadlineMs: number;
  /** Longest body read; past it the read stops and a `too_large` WireError results. */
  maxBytes: number;
  /** The caller's own cancellation, on top of the deadline. */
  signal?: AbortSignal;
}

/** A whole answer, already read: nothing is left streaming once a caller sees it. */
export interface WireReply {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP exchange within a deadline and a size limit. Every failure leaves as a WireError
 * whose `kind` says which (network, timeout, aborted, too_large); answers of any status resolve.
 */
export async function fetchWithin(
  fetch: Fetch,
  url: string | URL,
  init: RequestInit,
  limits: WireLimits,
): Promise<WireReply> {
  const deadline = startDeadline(limits.deadlineMs, limits.signal);
  try {
    const response = await untilAborted(
      fetch(url, { ...init, signal: deadline.signal }),
      deadline.signal,
    );
    const text = await readBoundedText(response, limits.maxBytes, deadline.signal);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    throw toWireError(error, deadline);
  }
}

function toWireError(error: unknown, deadline: Deadline): WireError {
  if (error instanceof WireError) return error;
  if (deadline.expired()) {
    return new WireError('timeout', `no complete answer within ${deadline.ms} ms`, {
      cause: error,
    });
  }
  if (deadline.signal.aborted) {
    return new WireError('aborted', 'the request was cancelled', {
      cause: deadline.signal.reason,
    });
  }
  return new WireError('network', 'the request could not be completed', { cause: error });
}
