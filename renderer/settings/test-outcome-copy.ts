import type { ZoomAccountTestResult } from '../../preload/contract.ts';

export interface TestOutcomeCopy {
  title: string;
  detail: string;
  /** Reachable is good news; everything else needs the person to change something. */
  tone: 'success' | 'warning';
}

/** Says plainly what the Test button found, and what to do about it. */
export function testOutcomeCopy(result: ZoomAccountTestResult): TestOutcomeCopy {
  const host = URL.parse(result.endpoint)?.host ?? result.endpoint;
  switch (result.outcome) {
    case 'reachable':
      return {
        title: 'Reachable',
        detail: `${host} answered and did not reject this client ID. Save, then sign in.`,
        tone: 'success',
      };
    case 'client-rejected':
      return {
        title: 'Client ID rejected',
        detail: `${host} does not know this client ID (invalid_client). Copy it again from your app on the Zoom App Marketplace; if the app has a client secret, check that too.`,
        tone: 'warning',
      };
    case 'unreachable':
      return {
        title: 'Unreachable',
        detail: `Meeting Tray could not reach ${host}. Check the address and your network connection.`,
        tone: 'warning',
      };
    case 'timed-out':
      return {
        title: 'Timed out',
        detail: `${host} did not answer in time. Try again, or check the address and your network connection.`,
        tone: 'warning',
      };
    case 'unexpected-answer':
      return {
        title: 'Not a Zoom sign-in server',
        detail: `${host} answered${result.status === null ? '' : ` (HTTP ${result.status})`}, but not the way a sign-in server does. Check the address.`,
        tone: 'warning',
      };
  }
}
