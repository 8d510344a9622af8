/**
 * The two members of `electron` the Electron preload uses: contextBridge and ipcRenderer.
 * Module-mocked for test/preload only, where the preload itself is the thing under test.
 */
import type { ContextBridge, IpcRenderer } from 'electron';

type Listener = (event: unknown, ...args: unknown[]) => void;

class FakeContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  readonly exposed: Array<{ key: string; api: unknown }> = [];
  exposeInMainWorld(apiKey: string, api: unknown) {
    this.exposed.push({ key: apiKey, api });
  }
}

/** Electron's on/off return ipcRenderer for chaining; these return the fake, unchained. */
class FakeIpcRenderer implements Pick<IpcRenderer, 'invoke'> {
  readonly invokes: Array<{ channel: string; args: unknown[] }> = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  async invoke(channel: string, ...args: unknown[]) {
    this.invokes.push({ channel, args });
    return { ok: true, value: `answer to ${channel}` };
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
  /** What main's webContents.send(channel, ...args) delivers: Electron's event first. */
  deliver(channel: string, ...args: unknown[]) {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const listener of [...(this.listeners.get(channel) ?? [])]) listener(event, ...args);
  }
  channelsListenedTo(): string[] {
    return [...this.listeners].filter(([, set]) => set.size > 0).map(([channel]) => channel);
  }
}

export function createFakePreloadElectron() {
  return { contextBridge: new FakeContextBridge(), ipcRenderer: new FakeIpcRenderer() };
}
