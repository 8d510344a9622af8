// The consent page a person sees in their own browser. Real HTML with a real form, so browser
// tests click Allow or Deny exactly as a person would. No scripts; the one stylesheet is
// allowed by hash, and the form may only post here and follow the redirect to the app.
import { createHash } from 'node:crypto';
import { escapeHtml } from './html.ts';

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f3f4f7; color: #1d1d21; }
  main { width: min(420px, 92vw); background: #fff; border-radius: 12px; padding: 28px; box-shadow: 0 2px 12px rgb(0 0 0 / 0.08); }
  h1 { font-size: 1.25rem; margin: 0 0 8px; }
  p { line-height: 1.45; margin: 0 0 12px; }
  .badge { display: inline-block; font-size: 0.75rem; padding: 2px 8px; border-radius: 999px; background: #e8eefc; color: #0b3fb3; margin-bottom: 12px; }
  .account { border: 1px solid #d9dce3; border-radius: 8px; padding: 12px; margin: 16px 0; }
  .account strong { display: block; }
  ul { padding-left: 20px; margin: 0 0 20px; }
  li { margin-bottom: 6px; }
  code { font-size: 0.85em; color: #4a4d57; }
  .actions { display: flex; gap: 12px; justify-content: flex-end; }
  button { font: inherit; padding: 8px 18px; border-radius: 8px; border: 1px solid #b8bcc7; background: #fff; color: #1d1d21; cursor: pointer; }
  button[value="allow"] { background: #0b5cff; border-color: #0b5cff; color: #fff; }
  button:focus-visible { outline: 3px solid #7aa7ff; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    body { background: #16171a; color: #ececf1; }
    main, button { background: #222328; color: #ececf1; }
    .account { border-color: #3a3c44; }
    code { color: #b9bcc7; }
  }
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  'user:read:user': 'View your name, email address and profile picture',
  'meeting:read:list_meetings': 'View the list of your scheduled meetings',
  public_api: 'View your recorded meetings, their summaries and action items',
};

export interface ConsentView {
  appName: string;
  userName: string;
  userEmail: string;
  scopes: readonly string[];
  consentId: string;
  /** Where Allow/Deny will redirect, so the CSP can let the form follow it. */
  redirectUri: string;
  /** Whose sandbox this is (badge and heading). Default Zoom. */
  provider?: string;
  /** Where the form posts. Default the Zoom sandbox's /oauth/authorize/decision. */
  decisionPath?: string;
}

/** form-action also governs the redirect that follows the POST, so it must name the app's origin. */
function formActionSources(redirectUri: string): string {
  const target = new URL(redirectUri);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return target.protocol;
  // CSP host-sources cannot express IPv6 literals.
  return target.hostname.startsWith('[') ? target.protocol : target.origin;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderConsentPage(view: ConsentView): { html: string; csp: string } {
  const scopes = view.scopes
    .map(
      (scope) =>
        `<li>${escapeHtml(SCOPE_DESCRIPTIONS[scope] ?? scope)} <code>${escapeHtml(scope)}</code></li>`,
    )
    .join('\n');
  const provider = escapeHtml(view.provider ?? 'Zoom');
  const body = `<span class="badge">${provider} sandbox</span>
<h1>Allow ${escapeHtml(view.appName)} to access your ${provider} account?</h1>
<div class="account" aria-label="Signed-in account">
<strong>${escapeHtml(view.userName)}</strong>
<span>${escapeHtml(view.userEmail)}</span>
</div>
<p>${escapeHtml(view.appName)} will be able to:</p>
<ul>
${scopes}
</ul>
<form method="post" action="${escapeHtml(view.decisionPath ?? '/oauth/authorize/decision')}">
<input type="hidden" name="consent_id" value="${escapeHtml(view.consentId)}">
<div class="actions">
<button type="submit" name="decision" value="deny">Deny</button>
<button type="submit" name="decision" value="allow">Allow</button>
</div>
</form>`;
  const csp = [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action 'self' ${formActionSources(view.redirectUri)}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return { html: page(`Allow ${view.appName} – ${view.provider ?? 'Zoom'} sandbox`, body), csp };
}

/** A dead end (expired consent, bad form): tells the person what to do next. */
export function renderMessagePage(
  title: string,
  message: string,
  provider = 'Zoom',
): { html: string; csp: string } {
  const body = `<span class="badge">${escapeHtml(provider)} sandbox</span>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>`;
  return {
    html: page(title, body),
    csp: `default-src 'none'; style-src ${STYLE_HASH}; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`,
  };
}
