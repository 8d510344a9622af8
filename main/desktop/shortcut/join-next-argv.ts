/**
 * `meeting-tray --join-next`: the fallback for desktops where global shortcuts do not reach the
 * app (Wayland, desktop-facts §8). The person binds the command in their desktop's own keyboard
 * settings; the second copy it starts hands its argv to the running one (single-instance), which
 * joins. A cold start with the switch joins once the session has loaded.
 */
export const JOIN_NEXT_ARG = '--join-next';

export function wantsJoinNext(argv: readonly string[]): boolean {
  return argv.includes(JOIN_NEXT_ARG);
}

/** Join-next requests that arrive before the app can act on them wait here (at most one). */
export interface JoinNextInbox {
  request(): void;
  /** From now on requests call `handler`; one that waited is handed over at once. */
  open(handler: () => void): void;
}

export function createJoinNextInbox(): JoinNextInbox {
  let waiting = false;
  let handler: (() => void) | null = null;
  return {
    request() {
      if (handler) handler();
      else waiting = true;
    },
    open(next) {
      handler = next;
      if (waiting) {
        waiting = false;
        next();
      }
    },
  };
}
