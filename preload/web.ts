// Browser-harness preload: the same bridge as preload/index.ts over HTTP + server-sent events.
// The harness serves this file to the page; the per-run token comes from the page URL.
import { BRIDGE_KEY } from './contract.ts';
import { createBridge } from './create-bridge.ts';

const token = new URLSearchParams(location.search).get('token') ?? '';

const api = createBridge({
  async invoke(channel, args) {
    const response = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-harness-token': token },
      body: JSON.stringify(args),
    });
    if (!response.ok) throw new Error(`harness answered ${response.status}`);
    return response.json();
  },
  subscribe(channel, listener) {
    const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    const forward = (event: MessageEvent<string>) => listener(JSON.parse(event.data));
    source.addEventListener(channel, forward);
    return () => source.close();
  },
});

Object.defineProperty(window, BRIDGE_KEY, { value: Object.freeze(api), writable: false });
