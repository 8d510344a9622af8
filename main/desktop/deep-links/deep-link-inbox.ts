/**
 * Holds deep links that arrive before the services exist (macOS sends `open-url` before
 * `ready`; a cold start carries the link in argv) and delivers them in order once ready.
 */
export interface DeepLinkInbox {
  push(url: string): void;
  /** Delivers everything queued, then delivers new links straight away. */
  open(deliver: (url: string) => void): void;
  pending(): number;
}

const MAX_QUEUED = 5;

export function createDeepLinkInbox(): DeepLinkInbox {
  const queue: string[] = [];
  let deliver: ((url: string) => void) | null = null;
  return {
    push(url) {
      if (deliver) {
        deliver(url);
        return;
      }
      // A flood of links before start-up is not a person signing in; keep the newest few.
      if (queue.length >= MAX_QUEUED) queue.shift();
      queue.push(url);
    },
    open(next) {
      deliver = next;
      for (const url of queue.splice(0)) next(url);
    },
    pending: () => queue.length,
  };
}
