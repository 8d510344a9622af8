/** One network call's total deadline, merged with the caller's own signal when there is one. */
export interface Deadline {
  /** Aborts when the deadline passes or the caller aborts, whichever comes first. */
  readonly signal: AbortSignal;
  readonly ms: number;
  /** True when the deadline itself, not the caller, ended the call. */
  expired(): boolean;
}

/**
 * Starts the clock for one call. Real time on purpose: the deadline guards real sockets, which
 * an injected fake clock cannot drive. The timer does not keep the process alive.
 */
export function startDeadline(ms: number, callerSignal?: AbortSignal): Deadline {
  const timeout = AbortSignal.timeout(ms);
  const signal = callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout;
  return {
    signal,
    ms,
    expired: () => signal.aborted && signal.reason === timeout.reason,
  };
}

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts, so a fetch
 * implementation that ignores its signal still cannot hold the caller past the deadline.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
