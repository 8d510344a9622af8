/**
 * Which links in a Fathom summary may be followed: https only, to Fathom's or Zoom's own hosts,
 * with no user name or password in them. Anything else (javascript:, data:, http:, another host)
 * is shown as plain text. Main's openExternal allow-list checks again; this only decides what is
 * drawn as a link at all.
 */

export type SummaryLinkOpener = 'fathom' | 'zoom';

export interface SummaryLink {
  /** The link as parsed and re-serialised (never the raw text). */
  url: string;
  /** Fathom's links go through the Fathom opener, Zoom's through the join opener. */
  opener: SummaryLinkOpener;
}

const HOSTS: ReadonlyArray<{ domain: string; opener: SummaryLinkOpener }> = [
  // fathom.video only: the recordings' and shares' host, and all main's Fathom opener admits.
  { domain: 'fathom.video', opener: 'fathom' },
  { domain: 'zoom.us', opener: 'zoom' },
];

function onDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function summaryLink(href: string): SummaryLink | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  const match = HOSTS.find((entry) => onDomain(host, entry.domain));
  return match ? { url: url.href, opener: match.opener } : null;
}
