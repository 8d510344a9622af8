import type {
  PreferenceChange,
  FathomOAuthInput,
  SettingsView,
  ZoomAccountInput,
  ZoomAccountTestResult,
} from '../../preload/contract.ts';
import type { SettingsService } from '../../main/core/settings/settings-service.ts';
import { DEFAULT_PREFERENCES } from './preferences-view.ts';

export const demoSettingsView: SettingsView = {
  zoomAccount: {
    source: 'demo',
    clientId: '',
    cloud: 'custom',
    oauthBase: 'http://127.0.0.1:4010',
    apiBase: 'http://127.0.0.1:4010/v2',
    hasClientSecret: false,
    redirectUrl: 'http://127.0.0.1/callback',
  },
  preferences: DEFAULT_PREFERENCES,
  fathom: {
    mode: null,
    clientId: '',
    hasClientSecret: false,
    redirectPort: 53682,
    redirectUri: 'http://127.0.0.1:53682/fathom/callback',
    source: 'demo',
  },
};

/** A SettingsService that records what it was asked and publishes whatever the test sets. */
export function createFakeSettingsService(initial: SettingsView = demoSettingsView) {
  let view = initial;
  const listeners = new Set<(view: SettingsView) => void>();
  const saved: ZoomAccountInput[] = [];
  const tested: ZoomAccountInput[] = [];
  const fathomSaved: FathomOAuthInput[] = [];
  let resets = 0;
  const preferenceChanges: PreferenceChange[] = [];
  let testResult: ZoomAccountTestResult = {
    outcome: 'reachable',
    endpoint: 'https://zoom.us/oauth/token',
    status: 400,
  };
  const service = {
    view: () => view,
    subscribe(listener: (view: SettingsView) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    saveZoomAccount: async (input: ZoomAccountInput) => {
      saved.push(input);
      return view;
    },
    testZoomAccount: async (input: ZoomAccountInput) => {
      tested.push(input);
      return testResult;
    },
    resetZoomAccount: async () => {
      resets += 1;
      return view;
    },
    setPreference: async (change: PreferenceChange) => {
      preferenceChanges.push(change);
      return view;
    },
    saveFathomOAuth: async (input: FathomOAuthInput) => {
      fathomSaved.push(input);
      return view;
    },
  } satisfies SettingsService;
  return {
    service,
    saved,
    fathomSaved,
    tested,
    preferenceChanges,
    resets: () => resets,
    answerTestWith(result: ZoomAccountTestResult) {
      testResult = result;
    },
    listenerCount: () => listeners.size,
    /** Sets the view and tells every subscriber, as the real service does on a change. */
    publish(next: SettingsView) {
      view = next;
      for (const listener of [...listeners]) listener(next);
    },
  };
}
