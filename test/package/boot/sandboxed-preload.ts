// The preload as Electron runs it in a sandboxed window: a script in a fresh global scope whose
// `require` knows only `electron` (the renderer's modules) and a few Node modules, wired to main
// through the fake ipcMain the app registered its handlers on, with the window's webContents as
// the sender. Arguments and results are cloned, as Electron serializes them between processes.
import events from 'node:events';
import { readFileSync } from 'node:fs';
import timers from 'node:timers';
import url from 'node:url';
import vm from 'node:vm';
import type { ContextBridge, IpcRenderer } from 'electron';
import type { FakeIpcMain } from '../../fakes/electron/ipc-main.ts';
import type { FakeWebContents } from '../../fakes/electron/web-contents.ts';

/** What a sandboxed preload's require() resolves besides `electron` (Electron's sandboxed-renderer docs). */
const SANDBOX_NODE_MODULES: Record<string, unknown> = { events, timers, url };

type Listener = (event: unknown, ...args: unknown[]) => void;

/** ipcRenderer for one window: invoke reaches the app's handlers, send() pushes come back here. */
export class ConnectedIpcRenderer implements Pick<IpcRenderer, 'invoke'> {
  private readonly ipcMain: FakeIpcMain;
  private readonly sender: FakeWebContents;
  private readonly listeners = new Map<string, Set<Listener>>();
  constructor(ipcMain: FakeIpcMain, sender: FakeWebContents) {
    this.ipcMain = ipcMain;
    this.sender = sender;
  }
  async invoke(channel: string, ...args: unknown[]) {
    const answer = await this.ipcMain.invoke(
      channel,
      { sender: this.sender },
      ...structuredClone(args),
    );
    return structuredClone(answer);
  }
  on(channel: string, listener: Listener) {
    const set = this.listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }
  off(channel: string, listener: Listener) {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  /** Delivers what main sent to the window since the last call, as Electron would. */
  deliverPushes(from: number): number {
    const pushes = this.sender.sent.slice(from);
    for (const [channel, ...args] of pushes) {
      for (const listener of this.listeners.get(channel) ?? [])
        listener({}, ...structuredClone(args));
    }
    return from + pushes.length;
  }
}

export class RecordingContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(apiKey: string, api: unknown) {
    if (this.exposed.has(apiKey)) throw new Error(`${apiKey} is already exposed`);
    this.exposed.set(apiKey, api);
  }
}

export interface PreloadRun {
  /** Every module the preload asked for, allowed or not. */
  required: string[];
}

/**
 * Runs the preload file in its own V8 context with a sandbox-only `require`. `electron` is the
 * (strict) renderer-side module; anything else a sandboxed preload cannot load throws, as it does
 * in Electron — so a preload split into chunks or reaching for Node fails here too.
 */
export function runSandboxedPreload(file: string, electron: object): PreloadRun {
  const required: string[] = [];
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return electron;
    if (id in SANDBOX_NODE_MODULES) return SANDBOX_NODE_MODULES[id];
    throw new Error(
      `Cannot find module '${id}': a sandboxed preload can require only electron, events, timers and url`,
    );
  };
  const context = vm.createContext({ console });
  const limitedProcess = {
    platform: process.platform,
    sandboxed: true,
    contextIsolated: true,
    type: 'renderer',
    env: {},
  };
  const module = { exports: {} };
  const wrapper = vm.compileFunction(
    readFileSync(file, 'utf8'),
    [
      'require',
      'process',
      'Buffer',
      'global',
      'setImmediate',
      'clearImmediate',
      'exports',
      'module',
    ],
    { filename: file, parsingContext: context },
  );
  wrapper(
    sandboxRequire,
    limitedProcess,
    Buffer,
    vm.runInContext('globalThis', context),
    setImmediate,
    clearImmediate,
    module.exports,
    module,
  );
  return { required };
}
