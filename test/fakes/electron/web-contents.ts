import { EventEmitter } from 'node:events';
import type {
  HandlerDetails,
  WebContents,
  WebFrameMain,
  WindowOpenHandlerResponse,
} from 'electron';
import type { HardenableContents } from '../../../main/desktop/security/electron-web-contents-hardening.ts';
import { fakeEvent } from './events.ts';

export class FakeFrame implements Pick<WebFrameMain, 'url'> {
  url: string;
  constructor(url: string) {
    this.url = url;
  }
}

/** Made by the fake electron's counter (newWebContents, or a new window), so each id is its own. */
export class FakeWebContents
  extends EventEmitter
  implements HardenableContents, Pick<WebContents, 'id' | 'send' | 'getURL'>
{
  readonly id: number;
  readonly mainFrame: FakeFrame;
  /** Every push, as [channel, ...args]. */
  readonly sent: Array<[string, ...unknown[]]> = [];
  private windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  constructor(id: number, url = '') {
    super();
    this.id = id;
    this.mainFrame = new FakeFrame(url);
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  getURL() {
    return this.mainFrame.url;
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
    this.windowOpenHandler = handler;
  }
  /** Simulates the page trying to navigate; returns whether it was blocked. */
  tryNavigate(url: string): boolean {
    const event = fakeEvent();
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }
  /** Simulates window.open(url) or a target=_blank link, as Electron describes it. */
  tryOpenWindow(url: string): WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) throw new Error('no window open handler');
    return this.windowOpenHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
    });
  }
}
