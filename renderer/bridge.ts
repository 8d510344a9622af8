import { BRIDGE_KEY, type MeetingTrayApi } from '../preload/contract.ts';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the web harness; absent when the page is opened bare. */
    readonly [BRIDGE_KEY]?: MeetingTrayApi;
  }
}

/** The preload's API. Throws a readable error when the page was loaded without a preload. */
export function getBridge(target: Window = window): MeetingTrayApi {
  const api = target[BRIDGE_KEY];
  if (!api) {
    throw new Error(
      "Meeting Tray's bridge is missing: open this page from the app or the web harness.",
    );
  }
  return api;
}
