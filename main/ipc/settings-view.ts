// The gate for settings leaving main, as renderer-state.ts is for the session: each view is
// rebuilt field by field, so nothing outside the contract (a secret on a stray object, a
// provider config) can ride along.
import type {
  Notice,
  PreferencesView,
  FathomSettingsView,
  SettingsView,
  ZoomAccountTestResult,
  ZoomAccountView,
} from '../../preload/contract.ts';

export function toSettingsView(view: SettingsView): SettingsView {
  return {
    zoomAccount: copyZoomAccount(view.zoomAccount),
    preferences: copyPreferences(view.preferences),
    fathom: copyFathom(view.fathom),
  };
}

function copyPreferences(p: PreferencesView): PreferencesView {
  return {
    reminderLead: p.reminderLead,
    clock: p.clock,
    joinIn: p.joinIn,
    launchAtLogin: typeof p.launchAtLogin === 'boolean' ? p.launchAtLogin : null,
    shortcut: {
      accelerator: p.shortcut.accelerator,
      problem: copyNotice(p.shortcut.problem),
      macKeys: p.shortcut.macKeys === true,
    },
    menuBarTitle: { enabled: p.menuBarTitle.enabled === true, shown: p.menuBarTitle.shown },
  };
}

function copyNotice(notice: Notice | null): Notice | null {
  return notice ? { code: notice.code, message: notice.message } : null;
}

function copyFathom(f: FathomSettingsView): FathomSettingsView {
  return {
    mode: f.mode,
    clientId: f.clientId,
    hasClientSecret: f.hasClientSecret === true,
    redirectPort: f.redirectPort,
    redirectUri: f.redirectUri,
    source: f.source,
  };
}

function copyZoomAccount(a: ZoomAccountView): ZoomAccountView {
  return {
    source: a.source,
    clientId: a.clientId,
    cloud: a.cloud,
    oauthBase: a.oauthBase,
    apiBase: a.apiBase,
    hasClientSecret: a.hasClientSecret === true,
    redirectUrl: a.redirectUrl,
  };
}

export function toTestResult(result: ZoomAccountTestResult): ZoomAccountTestResult {
  return {
    outcome: result.outcome,
    endpoint: result.endpoint,
    status: typeof result.status === 'number' ? result.status : null,
  };
}
