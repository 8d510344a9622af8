// GET /users/me → Profile. Pending users carry little more than an id, so only the id is required.
import type { Profile } from '../../../preload/contract.ts';
import { isRecord, readNumber, readString, readWebUrl } from './json-reader.ts';
import { unreadableResponseError } from './zoom-errors.ts';

export function parseProfile(body: unknown): Profile {
  if (!isRecord(body)) throw unreadableResponseError('a profile');
  const id = readString(body, 'id')?.trim();
  if (!id) throw unreadableResponseError('a profile');

  const firstName = readString(body, 'first_name')?.trim() ?? '';
  const lastName = readString(body, 'last_name')?.trim() ?? '';
  const email = readString(body, 'email')?.trim() ?? '';
  const displayName =
    readString(body, 'display_name')?.trim() || `${firstName} ${lastName}`.trim() || email;
  const type = readNumber(body, 'type');

  return {
    id,
    displayName,
    firstName,
    lastName,
    email,
    avatarUrl: readWebUrl(body, 'pic_url'),
    timezone: readString(body, 'timezone')?.trim() || null,
    accountType: type !== null && Number.isInteger(type) ? type : 0,
  };
}
