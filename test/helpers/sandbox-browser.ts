// A tiny HTTP "person" for integration tests: opens the Zoom sandbox consent page, reads its
// form the way a browser would, presses Allow or Deny, and hands back where Zoom redirects
// (without following it, so the test decides how the app receives the callback).

interface ConsentForm {
  action: URL;
  fields: URLSearchParams;
  decisions: Map<string, { name: string; value: string }>;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:-]+)\s*=\s*"([^"]*)"/g)) {
    found.set((match[1] ?? '').toLowerCase(), decodeEntities(match[2] ?? ''));
  }
  return found;
}

function parseConsentForm(html: string, pageUrl: URL): ConsentForm {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form)
    throw new Error(
      `The sandbox did not show a consent form at ${pageUrl.origin}${pageUrl.pathname}:\n${html.slice(0, 300)}`,
    );
  const formAttributes = attributes(form[1] ?? '');
  if ((formAttributes.get('method') ?? 'get').toLowerCase() !== 'post')
    throw new Error('The consent form must POST.');
  const fields = new URLSearchParams();
  const decisions = new Map<string, { name: string; value: string }>();
  for (const input of (form[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
    const attrs = attributes(input[1] ?? '');
    if (attrs.get('type') === 'hidden' && attrs.has('name'))
      fields.set(attrs.get('name') ?? '', attrs.get('value') ?? '');
  }
  for (const button of (form[2] ?? '').matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
    const attrs = attributes(button[1] ?? '');
    const label = decodeEntities((button[2] ?? '').replace(/<[^>]*>/g, '').trim()).toLowerCase();
    decisions.set(label, { name: attrs.get('name') ?? '', value: attrs.get('value') ?? '' });
  }
  return { action: new URL(formAttributes.get('action') ?? '', pageUrl), fields, decisions };
}

export async function consent(authorizationUrl: string, decision: 'allow' | 'deny'): Promise<URL> {
  const pageUrl = new URL(authorizationUrl);
  const page = await fetch(pageUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200 || !(page.headers.get('content-type') ?? '').startsWith('text/html')) {
    throw new Error(
      `The sandbox refused the authorization request (HTTP ${page.status}): ${html.slice(0, 300)}`,
    );
  }
  const form = parseConsentForm(html, pageUrl);
  const button = form.decisions.get(decision);
  if (!button) throw new Error(`The consent page has no "${decision}" button.`);
  const body = new URLSearchParams(form.fields);
  if (button.name) body.set(button.name, button.value);
  const answer = await fetch(form.action, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  await answer.body?.cancel();
  if (answer.status !== 302 || !location)
    throw new Error(`The consent form answered HTTP ${answer.status} instead of a redirect.`);
  return new URL(location, form.action);
}
