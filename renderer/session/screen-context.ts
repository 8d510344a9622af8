import type { MeetingTrayApi } from '../../preload/contract.ts';
import type { Failure } from './use-action.ts';

/** What every screen needs from App: the bridge and the two ways to talk back. */
export interface ScreenContext {
  api: MeetingTrayApi;
  /** Shows a failed action in the window's feedback toast (an alert), unless the screen says it. */
  onFailure: (failure: Failure) => void;
  /** Shows a success in the feedback toast, read out politely; it replaces an earlier failure. */
  announce: (text: string) => void;
  /** Shows the Settings screen (where a Zoom account is connected). */
  openSettings: () => void;
}
