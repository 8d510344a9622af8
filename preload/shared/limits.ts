/**
 * The longest link the app accepts from outside: a `meetingtray://` callback (argv, `open-url`,
 * the auth core's check) or a meeting's join link before it reaches the operating system.
 * Genuine ones are a few hundred characters; anything longer is refused rather than parsed.
 */
export const MAX_LINK_LENGTH = 4096;

/**
 * Whitespace, control characters and backslashes never appear in a genuine link of ours or
 * Zoom's, and URL parsers disagree on how to treat them, so such a link is refused, not normalised.
 */
export const SUSPICIOUS_LINK_CHARACTERS = /[\s\u0000-\u001f\u007f\\]/u;
