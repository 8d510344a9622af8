import type { Notice } from '../../preload/contract.ts';

/** The data folder refuses writes: settings and the offline copy last until quit. Every screen. */
export function SettingsUnsavedBanner({ notice }: { notice: Notice }) {
  return (
    <p className="banner banner--warning" data-testid="settings-unsaved">
      {notice.message}
    </p>
  );
}
