import { randomText } from './token-format.ts';
import type { MeetingListType } from './demo-meetings.ts';

/** Zoom's next_page_token is opaque and expires after 15 minutes (§6.2). */
export const PAGE_TOKEN_TTL_MS = 15 * 60_000;

export interface PageCursor {
  type: MeetingListType;
  offset: number;
}

export function createPageTokens(deps: { now: () => number }) {
  const cursors = new Map<string, PageCursor & { expiresAt: number }>();
  return {
    issue(cursor: PageCursor): string {
      const now = deps.now();
      for (const [token, entry] of cursors) if (entry.expiresAt <= now) cursors.delete(token);
      const token = randomText(35);
      cursors.set(token, { ...cursor, expiresAt: now + PAGE_TOKEN_TTL_MS });
      return token;
    },
    /** Tokens stay reusable until they expire, so a client may retry a failed page. */
    read(token: string): PageCursor | undefined {
      const entry = cursors.get(token);
      if (!entry || entry.expiresAt <= deps.now()) return undefined;
      return { type: entry.type, offset: entry.offset };
    },
  };
}

export type PageTokens = ReturnType<typeof createPageTokens>;
