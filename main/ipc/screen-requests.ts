import type { ScreenRequest } from '../../preload/contract.ts';

/**
 * Screens main asks the window to show (the tray's "Settings…"). The request waits here until
 * the page takes it, so a window that is still being created (or re-created after it was
 * destroyed while hidden) gets it too, and it is shown exactly once.
 */
export interface ScreenRequests {
  request(screen: ScreenRequest): void;
  /** The pending request, forgotten as it is handed over. */
  take(): ScreenRequest | null;
  /** Told of each new request (the IPC door pushes it to a live page). */
  subscribe(listener: () => void): () => void;
}

export function createScreenRequests(): ScreenRequests {
  let pending: ScreenRequest | null = null;
  const listeners = new Set<() => void>();
  return {
    request(screen) {
      pending = screen;
      for (const listener of [...listeners]) listener();
    },
    take() {
      const screen = pending;
      pending = null;
      return screen;
    },
    subscribe(listener) {
      const entry = () => listener();
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
}
