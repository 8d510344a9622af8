// Browser-harness preload: the same bridge as preload/index.ts over HTTP + server-sent events.
// The harness serves this file to the page; the per-run token comes from the page URL.
import { BRIDGE_KEY } from './contract.ts';
import { createBridge } from './create-bridge.ts';

/** Harness-only event: main asks the page's own browser to open the sign-in page in a new tab. */
const OPEN_URL_EVENT = 'harness:open-url';
/** Harness-only event: main's clipboard is the page's clipboard here. */
const COPY_TEXT_EVENT = 'harness:copy-text';

const token = new URLSearchParams(location.search).get('token') ?? '';
const events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);

events.addEventListener(OPEN_URL_EVENT, (event: MessageEvent<string>) => {
  const url = JSON.parse(event.data) as unknown;
  if (typeof url === 'string' && /^https?:\/\//.test(url)) window.open(url, '_blank', 'noopener');
});

events.addEventListener(COPY_TEXT_EVENT, (event: MessageEvent<string>) => {
  const text = JSON.parse(event.data) as unknown;
  if (typeof text === 'string') void navigator.clipboard?.writeText(text).catch(() => undefined);
});

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
    const forward = (event: MessageEvent<string>) => listener(JSON.parse(event.data));
    events.addEventListener(channel, forward);
    return () => events.removeEventListener(channel, forward);
  },
});

Object.defineProperty(window, BRIDGE_KEY, { value: Object.freeze(api), writable: false });
