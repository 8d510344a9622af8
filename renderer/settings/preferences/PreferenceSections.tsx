import type { PreferencesView } from '../../../preload/contract.ts';
import type { ScreenContext } from '../../session/screen-context.ts';
import { ClockSection } from './ClockSection.tsx';
import { JoinSection } from './JoinSection.tsx';
import { LaunchAtLoginSection } from './LaunchAtLoginSection.tsx';
import { MenuBarTitleSection } from './MenuBarTitleSection.tsx';
import { RemindersSection } from './RemindersSection.tsx';
import { ShortcutSection } from './ShortcutSection.tsx';

/** The everyday preferences, one section each, in the order people look for them. */
export function PreferenceSections({
  view,
  ...context
}: Pick<ScreenContext, 'api' | 'onFailure'> & { view: PreferencesView }) {
  return (
    <>
      <RemindersSection {...context} value={view.reminderLead} />
      <JoinSection {...context} value={view.joinIn} />
      <ClockSection {...context} value={view.clock} />
      {view.launchAtLogin === null ? null : (
        <LaunchAtLoginSection {...context} value={view.launchAtLogin} />
      )}
      <ShortcutSection {...context} value={view.shortcut} />
      <MenuBarTitleSection {...context} value={view.menuBarTitle} />
    </>
  );
}
