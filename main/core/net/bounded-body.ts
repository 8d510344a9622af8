import { untilAborted } from './deadline.ts';
import { WireError } from './wire-error.ts';

/**
 * Reads a response body as text, chunk by chunk, and stops at `maxBytes`: a declared
 * Content-Length over the limit is refused before reading, and a longer stream is cancelled
 * the moment it passes the limit, so the rest is never buffered. The signal ends the read too.
 */
export async function readBoundedText(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  }
  return new TextDecoder().decode(concat(chunks, total));
}

function tooLarge(maxBytes: number): WireError {
  return new WireError('too_large', `the response was longer than ${maxBytes} bytes`);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
