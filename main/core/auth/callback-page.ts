import { createHash } from 'node:crypto';

export interface CallbackPage {
  ok: boolean;
  title: string;
  message: string;
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f6f7f9;color:#1d2433}' +
  'main{max-width:28rem;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.12)}' +
  'h1{font-size:1.25rem;margin:0 0 .5rem}.ok h1{color:#1a7f37}.fail h1{color:#b42318}' +
  '@media (prefers-color-scheme:dark){body{background:#111418;color:#e6e8eb}main{background:#1b1f24}}';

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** No scripts, no images, no outgoing requests; only our one inline style block. */
export const CALLBACK_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderCallbackPage(page: CallbackPage): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.title)} — Meeting Tray</title><style>${STYLE}</style></head>
<body><main class="${page.ok ? 'ok' : 'fail'}" role="${page.ok ? 'status' : 'alert'}"><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p></main></body></html>
`;
}

export const SIGNED_IN_PAGE: CallbackPage = {
  ok: true,
  title: "You're signed in — you can close this tab",
  message:
    'Meeting Tray is now connected to your Zoom account. Your meetings will appear in the tray.',
};

/** The success page naming the provider; Zoom's is SIGNED_IN_PAGE word for word. */
export function signedInPage(providerName: string): CallbackPage {
  if (providerName === 'Zoom') return SIGNED_IN_PAGE;
  return {
    ok: true,
    title: "You're connected — you can close this tab",
    message: `Meeting Tray is now connected to your ${providerName} account. Go back to Meeting Tray.`,
  };
}

export const NOT_FOUND_PAGE: CallbackPage = {
  ok: false,
  title: 'Not found',
  message: 'This address is not part of the Meeting Tray sign-in.',
};

export const BAD_CALLBACK_PAGE: CallbackPage = {
  ok: false,
  title: 'This sign-in link is not valid',
  message:
    'It does not belong to the sign-in Meeting Tray started. Go back to Meeting Tray and choose Sign in again if needed.',
};
