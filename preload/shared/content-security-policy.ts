/**
 * The window's Content Security Policy, declared once. The app's `app://` responses, the
 * browser harness's responses and the `<meta>` in the built `renderer/index.html` (injected by
 * vite.config.ts) all carry it, so the page runs under the same rules in every host.
 * Everything is refused unless listed: the bundle's own scripts, styles and fonts, connections
 * back to the host (the harness's IPC over HTTP), and images from the bundle, data: URLs and
 * https (Zoom's avatar hosts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The same policy for an HTTP header. `frame-ancestors` works only there: a `<meta>` policy
 * ignores it (with a console warning), so it is added for headers alone.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
