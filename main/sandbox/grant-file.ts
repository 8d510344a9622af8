// Demo mode's memory across restarts: the sandbox's grants in one small JSON file in the app's
// data folder, so the tokens it handed out (sandbox-only fakes, never Zoom's) stay valid after a
// restart, as Zoom's would. Owner-only (0o600) all the same, written whole or not at all.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Grant, GrantSnapshot } from './grants.ts';

interface GrantFileV1 {
  v: 1;
  nextId: number;
  grants: Grant[];
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function parseGrant(value: unknown): Grant | null {
  if (typeof value !== 'object' || value === null) return null;
  const g = value as Partial<Grant>;
  const textFields = [g.clientId, g.userId, g.accountId, g.accessToken, g.refreshToken];
  if (!Number.isSafeInteger(g.id) || !textFields.every(isText)) return null;
  if (!isTime(g.accessExpiresAt) || !isTime(g.refreshExpiresAt)) return null;
  if (!Array.isArray(g.scopes) || !g.scopes.every(isText)) return null;
  return {
    id: g.id!,
    clientId: g.clientId!,
    userId: g.userId!,
    accountId: g.accountId!,
    scopes: [...g.scopes],
    accessToken: g.accessToken!,
    accessExpiresAt: g.accessExpiresAt,
    refreshToken: g.refreshToken!,
    refreshExpiresAt: g.refreshExpiresAt,
  };
}

/**
 * The grants saved by an earlier run; null when there is no file or it is not ours (a damaged
 * file costs the demo its sign-in, nothing more). Malformed grants are skipped one by one.
 */
export function readGrantFile(path: string): GrantSnapshot | null {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  const file = value as Partial<GrantFileV1> | null;
  if (file?.v !== 1 || !Number.isSafeInteger(file.nextId) || !Array.isArray(file.grants))
    return null;
  const grants = file.grants.map(parseGrant).filter((grant) => grant !== null);
  return { nextId: file.nextId!, grants };
}

/** Replaces the file atomically (temp file + rename), readable by this user only. */
export function writeGrantFile(path: string, snapshot: GrantSnapshot): void {
  const record: GrantFileV1 = { v: 1, nextId: snapshot.nextId, grants: [...snapshot.grants] };
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The grants a file kept from the last run, and a writer that keeps them there. */
export function persistedGrants(file: { path: string; onError?: (error: unknown) => void }) {
  return {
    initial: readGrantFile(file.path),
    onChange(snapshot: GrantSnapshot) {
      try {
        writeGrantFile(file.path, snapshot);
      } catch (error) {
        file.onError?.(error);
      }
    },
  };
}
