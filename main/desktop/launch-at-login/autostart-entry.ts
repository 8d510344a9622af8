/**
 * Linux has no `app.setLoginItemSettings`; desktop sessions start whatever has a `.desktop`
 * file in ~/.config/autostart (XDG Autostart spec). This builds that file's text.
 */
export const AUTOSTART_FILE_NAME = 'meeting-tray.desktop';
/** Passed at login so the app starts in the tray without opening its window. */
export const HIDDEN_LAUNCH_ARG = '--hidden';

/** True when the OS started the app at login: it then stays in the tray, window closed. */
export function launchedAtLogin(argv: readonly string[]): boolean {
  return argv.includes(HIDDEN_LAUNCH_ARG);
}

/** Quotes one Exec argument per the Desktop Entry spec (reserved characters force quoting). */
export function quoteExecArgument(arg: string): string {
  if (arg !== '' && !/[\s"'\\><~|&;$*?#()`%=]/u.test(arg)) return arg;
  // Inside quotes, `"`, `` ` ``, `$` and `\` are escaped with a backslash; `%` is doubled
  // because Exec field codes start with it.
  return `"${arg.replace(/(["`$\\])/gu, '\\$1').replace(/%/gu, '%%')}"`;
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/gu, ' ');
}

export function buildAutostartDesktopEntry(input: {
  name: string;
  executable: string;
  args?: readonly string[];
  comment?: string;
}): string {
  const exec = [input.executable, ...(input.args ?? [HIDDEN_LAUNCH_ARG])]
    .map(quoteExecArgument)
    .join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${oneLine(input.name)}`,
    `Comment=${oneLine(input.comment ?? 'Your upcoming Zoom meetings in the tray')}`,
    `Exec=${oneLine(exec)}`,
    'Terminal=false',
    'NoDisplay=true',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The autostart path for a home directory, honouring XDG_CONFIG_HOME when it is absolute. */
export function autostartFilePath(
  env: { XDG_CONFIG_HOME?: string | undefined; HOME?: string | undefined },
  homeDir: string,
): string {
  const configHome = env.XDG_CONFIG_HOME?.startsWith('/')
    ? env.XDG_CONFIG_HOME
    : `${homeDir}/.config`;
  return `${configHome}/autostart/${AUTOSTART_FILE_NAME}`;
}
