// The Fathom sandbox's fixed demo credentials and its demo person. Not secret: sandbox only.
import { DEMO_USER } from '../demo-user.ts';
import type { FathomSandboxClients } from './types.ts';

export const FATHOM_DEMO_CLIENTS: Readonly<FathomSandboxClients> = Object.freeze({
  oauth: Object.freeze({
    clientId: 'FathomSandboxClient01',
    clientSecret: 'FathomSandboxSecret01NotARealSecret',
  }),
  // Nango's pattern for Fathom keys is <part>.<part> (fathom-facts §1.10).
  apiKey: 'fsbx_DemoKey01.NotARealFathomApiKey01',
});

/** The port and path the app registers by default (the client helper picks the same). */
export const FATHOM_DEFAULT_REDIRECT_URIS: readonly string[] = Object.freeze([
  'http://127.0.0.1:53682/fathom/callback',
]);

export const FATHOM_SCOPE = 'public_api';

/** The person behind the demo key and every demo grant: the Zoom sandbox's demo user. */
export const FATHOM_DEMO_PERSON = Object.freeze({
  name: DEMO_USER.display_name,
  email: DEMO_USER.email,
  emailDomain: DEMO_USER.email.split('@')[1] ?? 'example.com',
  team: 'Product',
});
