// The point of the sandbox: the official SDK (fathom-typescript 0.0.37, pinned) accepts every
// answer it gives, with both credentials, and refuses the answers the schema-mismatch knob breaks.
import { FathomCore } from 'fathom-typescript/core.js';
import { getRecordingSummary } from 'fathom-typescript/funcs/getRecordingSummary.js';
import { listMeetings } from 'fathom-typescript/funcs/listMeetings.js';
import { listTeamMembers } from 'fathom-typescript/funcs/listTeamMembers.js';
import { listTeams } from 'fathom-typescript/funcs/listTeams.js';
import { ResponseValidationError } from 'fathom-typescript/sdk/models/errors/responsevalidationerror.js';
import type { Meeting } from 'fathom-typescript/sdk/models/shared/meeting.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FATHOM_SCHEMA_FAULTS,
  type FathomSchemaFault,
} from '../../../../main/sandbox/fathom/types.ts';
import { startFathomSandbox, type FathomSandbox } from '../../../../main/sandbox/fathom/index.ts';
import { connect } from './fathom-kit.ts';

let sandbox: FathomSandbox;
beforeEach(async () => {
  sandbox = await startFathomSandbox({ pageSize: 4 });
});
afterEach(() => sandbox.close());

async function coreFor(kind: 'api-key' | 'bearer'): Promise<FathomCore> {
  const security =
    kind === 'api-key'
      ? { apiKeyAuth: sandbox.clients.apiKey }
      : { bearerAuth: (await connect(sandbox)).access_token };
  return new FathomCore({ serverURL: sandbox.apiBaseUrl, security });
}

/** Every page through the SDK's own next_cursor paging; throws on any error or undefined page. */
async function allPages(core: FathomCore, request: Parameters<typeof listMeetings>[1] = {}) {
  const pages: { items: Meeting[]; nextCursor: string | null; limit: number | null }[] = [];
  for await (const page of await listMeetings(core, { includeActionItems: true, ...request })) {
    if (!page.ok) throw page.error;
    if (!page.value) throw new Error('the SDK answered undefined (a 400/401/429)');
    pages.push(page.value.result);
  }
  return pages;
}

describe.each(['api-key', 'bearer'] as const)('the SDK with %s auth', (kind) => {
  it('reads 3 pages through next_cursor, with action items', async () => {
    const core = await coreFor(kind);
    const pages = await allPages(core);
    expect(pages.map((page) => page.items.length)).toEqual([4, 4, 2]);
    expect(pages.map((page) => page.nextCursor === null)).toEqual([false, false, true]);
    expect(pages.every((page) => page.limit === 4)).toBe(true);
    const items = pages.flatMap((page) => page.items);
    expect(new Set(items.map((item) => item.recordingId)).size).toBe(10);
    expect(items.every((item) => Number.isInteger(item.recordingId))).toBe(true);
    expect(items.every((item) => item.recordingStartTime instanceof Date)).toBe(true);
    const actionItems = items.flatMap((item) => item.actionItems ?? []);
    expect(actionItems.length).toBeGreaterThan(10);
    expect(actionItems.some((action) => action.assignee.email === 'ada.okafor@example.com')).toBe(
      true,
    );
    expect(actionItems.some((action) => action.completed)).toBe(true);
    expect(actionItems.some((action) => action.assignee.email === null)).toBe(true);
  });

  it('leaves action items out unless asked for', async () => {
    const core = await coreFor(kind);
    const pages = await allPages(core, { includeActionItems: false });
    expect(
      pages.flatMap((page) => page.items).every((item) => item.actionItems === undefined),
    ).toBe(true);
  });

  it('filters by recorded_by[] as the SDK sends it (percent-encoded brackets)', async () => {
    const core = await coreFor(kind);
    const items = (await allPages(core, { recordedBy: ['tomas.rivera@example.com'] })).flatMap(
      (page) => page.items,
    );
    expect(items.length).toBe(2);
    expect(items.every((item) => item.recordedBy.email === 'tomas.rivera@example.com')).toBe(true);
  });

  it('reads a summary and a summary that is still processing', async () => {
    const core = await coreFor(kind);
    const [newest, older] = (await allPages(core))[0]!.items;
    const processing = await getRecordingSummary(core, { recordingId: newest!.recordingId });
    expect(processing.ok && processing.value).toEqual({ summary: null });
    const ready = await getRecordingSummary(core, { recordingId: older!.recordingId });
    if (!ready.ok || !ready.value || !('summary' in ready.value)) throw new Error('no summary');
    expect(ready.value.summary?.templateName).toBe('General');
    expect(ready.value.summary?.markdownFormatted).toMatch(/^## Meeting Purpose\n[\s\S]*\n- /);
  });
});

describe('teams and team members', () => {
  it('the SDK reads both, paging team members through next_cursor and filtering by team', async () => {
    const core = await coreFor('api-key');
    const teams = await listTeams(core, {});
    if (!teams.ok || !teams.value) throw new Error('no teams');
    expect(teams.value.result.items.map((team) => team.name)).toEqual([
      'Product',
      'Design',
      'Engineering',
    ]);
    const members: string[] = [];
    let pages = 0;
    for await (const page of await listTeamMembers(core, {})) {
      if (!page.ok || !page.value) throw new Error('a team-members page failed');
      pages += 1;
      members.push(...page.value.result.items.map((member) => member.email));
    }
    expect(pages).toBe(2);
    expect(members).toContain('ada.okafor@example.com');
    expect(members.length).toBe(5);
    const design = await listTeamMembers(core, { team: 'Design' });
    expect(design.ok && design.value?.result.items.map((member) => member.name)).toEqual([
      'Priya Raman',
      'Lena Hoffmann',
    ]);
  });
});

describe('the schema-mismatch knob', () => {
  it.each(FATHOM_SCHEMA_FAULTS)('%s makes the SDK raise its validation error', async (fault) => {
    const core = await coreFor('api-key');
    expect((await allPages(core)).length).toBe(3); // the same call passes without the knob
    sandbox.setFaults({ schema: fault satisfies FathomSchemaFault });
    const page = await listMeetings(core, {});
    expect(page.ok).toBe(false);
    expect(!page.ok && page.error).toBeInstanceOf(ResponseValidationError);
  });
});

describe('what the SDK makes of 401 and 429', () => {
  it('a refused key is a 401 the SDK turns into undefined (fathom-facts §2.9), not an empty list', async () => {
    const core = new FathomCore({
      serverURL: sandbox.apiBaseUrl,
      security: { apiKeyAuth: 'not-a-key' },
    });
    const page = await listMeetings(core, {});
    expect(page.ok && page.value).toBeUndefined();
    expect(page.ok).toBe(true);
  });
});
