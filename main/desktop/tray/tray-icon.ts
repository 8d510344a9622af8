/**
 * Which file in assets/ the tray uses. macOS takes a template image (black + alpha; the OS
 * tints it for light, dark and highlighted menu bars; `@2x` is picked up automatically).
 * Windows wants ICO. Linux panels do not tint, so the glyph colour follows the theme.
 */
export function trayIconFileName(platform: NodeJS.Platform, darkTheme: boolean): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  if (platform === 'win32') return darkTheme ? 'tray-on-dark.ico' : 'tray-on-light.ico';
  return darkTheme ? 'tray-on-dark.png' : 'tray-on-light.png';
}
