// Electron preload: exposes one named method per channel, never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY } from './contract.ts';
import { createBridge } from './create-bridge.ts';

const api = createBridge({
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
  subscribe(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.off(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
