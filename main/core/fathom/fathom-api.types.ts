import type { Clock, Fetch, Logger } from '../ports.ts';

/** What is sent with one API call: an OAuth access token (Authorization: Bearer) or a personal API key (X-Api-Key). */
export type FathomCredential =
  { kind: 'bearer'; accessToken: string } | { kind: 'api-key'; apiKey: string };

/** Where the wrapper gets the credential before each call (fetched BEFORE the SDK call; the SDK's security callback only returns it and never throws). */
export interface FathomCredentialSource {
  /**
   * Rejects with AppError (e.g. fathom_session_expired, offline, timeout).
   * forceRefresh + rejected: the API answered 401 to `rejected`; OAuth does one forced refresh (single flight, skipped when another
   * caller already replaced that token); an API key has nothing to refresh and rejects with fathom_key_invalid.
   */
  current(options?: {
    forceRefresh?: boolean;
    rejected?: FathomCredential;
    userInitiated?: boolean;
  }): Promise<FathomCredential>;
}

export interface FathomActionItem {
  description: string;
  completed: boolean;
  assignee: { name: string | null; email: string | null };
  /** Link into the recording at that moment (Fathom's host). */
  playbackUrl: string;
  /** "HH:MM:SS" into the recording. */
  timestamp: string;
}

export interface FathomMeeting {
  recordingId: number;
  /** title, else meeting_title */
  title: string;
  /** ISO 8601 UTC: recording_start_time, else scheduled_start_time */
  startedAt: string;
  /** recording_end_time, else scheduled_end_time */
  endedAt: string | null;
  shareUrl: string;
  url: string;
  recordedBy: { name: string; email: string };
  actionItems: FathomActionItem[];
}

/** markdown null: Fathom is still writing it. */
export interface FathomSummary {
  templateName: string | null;
  markdown: string | null;
}

export interface FathomApi {
  /** Every page of meetings created after `since` (cap 10 pages; a cap or repeating cursor keeps what was read, incomplete: true), with action items. */
  listMeetings(options: {
    since: Date;
    userInitiated?: boolean;
  }): Promise<{ meetings: FathomMeeting[]; incomplete: boolean }>;
  /** One recording's summary (404 → AppError fathom_not_found). */
  getSummary(recordingId: number): Promise<FathomSummary>;
}

export interface FathomApiDeps {
  fetch: Fetch;
  credentials: FathomCredentialSource;
  /** e.g. https://api.fathom.ai/external/v1 */
  baseUrl: string;
  clock: Clock;
  logger: Logger;
  /** Per call, body included (main/core/net). Default 15 s. */
  deadlineMs?: number;
  /** Most pages one listMeetings reads (default 10); key validation reads 1. */
  maxPages?: number;
  /** Longest answer read per call (default 8 MiB); past it the call fails with server_error. */
  maxResponseBytes?: number;
}
