import { useEffect, useRef } from 'react';
import type { FathomState } from '../../preload/contract.ts';
import type { ScreenContext } from '../session/screen-context.ts';
import { Spinner } from '../components/Spinner.tsx';
import { FathomSection } from './FathomSection.tsx';
import { LogsSection } from './LogsSection.tsx';
import { PreferenceSections } from './preferences/PreferenceSections.tsx';
import { useSettings } from './use-settings.ts';
import { ZoomAccountSection } from './ZoomAccountSection.tsx';

interface SettingsScreenProps extends Pick<ScreenContext, 'api' | 'onFailure' | 'announce'> {
  /** Saving another account signs the current one out first; the form says so while signed in. */
  signedIn: boolean;
  /** Fathom's connection as main pushed it (the Fathom section's status and buttons). */
  fathom: FathomState | null;
  /** Shows a failed Fathom action in Fathom's words. */
  onFathomFailure: ScreenContext['onFailure'];
  onClose: () => void;
}

/**
 * The Settings screen: one section per kind of setting, each drawn from the view main pushes
 * (`SettingsView` has one member per section, so a new one is a new member and a new section).
 */
export function SettingsScreen({
  api,
  onFailure,
  announce,
  signedIn,
  fathom,
  onFathomFailure,
  onClose,
}: SettingsScreenProps) {
  const view = useSettings(api);
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening Settings is a change of screen: say so by moving focus to its heading.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="settings" aria-labelledby="settings-title">
      <div className="settings__header">
        <h2 id="settings-title" ref={heading} tabIndex={-1}>
          Settings
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Done
        </button>
      </div>
      {view === null ? (
        <p className="muted" data-testid="settings-loading">
          <Spinner /> Loading settings…
        </p>
      ) : (
        <>
          <ZoomAccountSection
            api={api}
            onFailure={onFailure}
            view={view.zoomAccount}
            signedIn={signedIn}
          />
          <PreferenceSections api={api} onFailure={onFailure} view={view.preferences} />
          <FathomSection
            api={api}
            onFailure={onFathomFailure}
            announce={announce}
            view={view.fathom}
            fathom={fathom}
          />
        </>
      )}
      <LogsSection api={api} onFailure={onFailure} />
    </section>
  );
}
