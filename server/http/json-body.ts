import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/**
 * Reads a JSON request body of at most `limitBytes`, refusing (before parsing anything) a
 * wrong content type (415), a body too large (413) and text that is not JSON (400).
 */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new HttpError(
      415,
      'unsupported-media-type',
      'The body must be JSON (Content-Type: application/json).',
    );
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpError(400, 'malformed-json', `The body is not valid JSON: ${reason}`);
  }
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError(
    413,
    'body-too-large',
    `The body is larger than ${String(limitBytes)} bytes.`,
  );
}
