import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The window's options, every security-relevant webPreference spelled out even where it is
 * Electron's default, so a future default change or a stray edit shows up in tests and scans.
 */
export function mainWindowOptions(input: {
  preloadPath: string;
  iconPath?: string;
}): BrowserWindowConstructorOptions {
  return {
    width: 400,
    height: 640,
    minWidth: 340,
    minHeight: 420,
    show: false,
    title: 'Meeting Tray',
    autoHideMenuBar: true,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
