import { useCallback, useState } from 'react';
import type { Result } from '../../preload/contract.ts';

export type Failure = Extract<Result<unknown>, { ok: false }>;

const UNREACHABLE: Failure = {
  ok: false,
  code: 'unknown',
  message: 'Meeting Tray did not answer. Try again; if it keeps happening, restart Meeting Tray.',
};

/**
 * Runs one bridge call at a time and reports failures. `pending` drives disabled/aria-busy;
 * a rejected promise (transport broke) is turned into a Result so callers handle one shape.
 * Pass the bridge's method itself (`useAction(api.signIn, onFailure)`): the bridge is built once
 * and its methods are plain functions, so the call stays stable across renders.
 */
export function useAction<A extends unknown[], T>(
  call: (...args: A) => Promise<Result<T>>,
  onFailure: (failure: Failure) => void,
): { run: (...args: A) => Promise<Result<T>>; pending: boolean } {
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (...args: A): Promise<Result<T>> => {
      setPending(true);
      let result: Result<T>;
      try {
        result = await call(...args);
      } catch {
        result = UNREACHABLE;
      } finally {
        setPending(false);
      }
      if (!result.ok) onFailure(result);
      return result;
    },
    [call, onFailure],
  );
  return { run, pending };
}
