import type { MeetingTrayApi } from '../../preload/contract.ts';
import type { Failure } from './use-action.ts';

/** What every screen needs from App: the bridge and the two ways to talk back. */
export interface ScreenContext {
  api: MeetingTrayApi;
  /** Shows a failed action as a dismissible alert. */
  onFailure: (failure: Failure) => void;
  /** Puts a short message in the visible status line (and the live region). */
  announce: (text: string) => void;
  /** Shows the Settings screen (where a Zoom account is connected). */
  openSettings: () => void;
}
