/**
 * The body of an unfiltered `GET /api/topology`, streamed. A large cluster's topology is tens of
 * MB of JSON: serializing it whole held the full string, its UTF-8 copy and the compressor's input
 * at once, a peak of several times the model that the process's RSS kept long after. Here the JSON
 * is produced a slice at a time as the client (and Next.js's gzip) reads it.
 *
 * (Compressing once per revision and sharing the bytes is not possible from a route handler:
 * Next.js drops a Content-Encoding header the handler sets and compresses the body itself.)
 */
import type { Topology } from '../wire/types';

/** Characters of JSON per slice (bounded memory; the stream yields between slices). */
const SLICE_CHARS = 1 << 20;

/** The JSON of a plain object, byte for byte JSON.stringify(value), with its large arrays written element by element. */
export function* jsonSlices(value: object): Generator<string> {
  let buf = '{';
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    buf += `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    if (Array.isArray(v) && v.length > 64) {
      buf += '[';
      for (let i = 0; i < v.length; i++) {
        buf += (i ? ',' : '') + (JSON.stringify(v[i]) ?? 'null');
        if (buf.length >= SLICE_CHARS) {
          yield buf;
          buf = '';
        }
      }
      buf += ']';
    } else buf += JSON.stringify(v);
  }
  yield `${buf}}`;
}

/** A byte stream of the topology's JSON, one slice per read. */
export function topologyStream(t: Topology): ReadableStream<Uint8Array> {
  const slices = jsonSlices(t);
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = slices.next();
        if (next.done) controller.close();
        else controller.enqueue(enc.encode(next.value));
      },
      cancel() {
        slices.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
