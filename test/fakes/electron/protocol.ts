import type { CustomScheme, Protocol } from 'electron';

type ProtocolHandler = Parameters<Protocol['handle']>[1];

export class FakeProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: CustomScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]) {
    this.privileged.push(...customSchemes);
  }
  handle(scheme: string, handler: ProtocolHandler) {
    this.handlers.set(scheme, handler);
  }
  /** Fetches a URL of a handled scheme, as the page would. */
  async fetch(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no handler for ${url}`);
    return handler(new Request(url));
  }
}
