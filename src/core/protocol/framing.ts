/**
 * Framing for the client–server socket: each message is a 4-byte big-endian length followed by that many
 * bytes of UTF-8 JSON. Lengths make message boundaries explicit (no scanning for newlines inside pane text)
 * and let a reader reject an absurd frame before buffering it.
 */

// The core compiles without Node's or the DOM's types; these two globals exist in both, so say only what we use.
declare const TextEncoder: { new (): { encode(text: string): Uint8Array } };
declare const TextDecoder: { new (): { decode(bytes: Uint8Array): string } };

/** The largest message either side accepts unless told less (the server takes less from clients: limits.ts). */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export function encodeFrame(message: unknown): Uint8Array {
  const body = new TextEncoder().encode(JSON.stringify(message));
  const frame = new Uint8Array(4 + body.length);
  new DataView(frame.buffer).setUint32(0, body.length);
  frame.set(body, 4);
  return frame;
}

export class FrameDecoderError extends Error {}

/** Accumulates chunks from a stream and hands out whole messages; holds partial frames between calls. */
export class FrameDecoder {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private readonly decoder = new TextDecoder();

  constructor(private readonly maxBytes = MAX_FRAME_BYTES) {}

  push(chunk: Uint8Array): unknown[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: unknown[] = [];
    while (this.buffered >= 4) {
      const head = this.peek(4);
      const length = new DataView(head.buffer, head.byteOffset, 4).getUint32(0);
      if (length > this.maxBytes) throw new FrameDecoderError(`message of ${length} bytes is over the limit`);
      if (this.buffered < 4 + length) break;
      const frame = this.take(4 + length);
      try {
        messages.push(JSON.parse(this.decoder.decode(frame.subarray(4))));
      } catch {
        throw new FrameDecoderError('message is not valid JSON');
      }
    }
    return messages;
  }

  private peek(n: number): Uint8Array {
    if (this.chunks[0]!.length >= n) return this.chunks[0]!;
    return this.join().subarray(0, n);
  }

  private take(n: number): Uint8Array {
    const all = this.chunks[0]!.length >= n ? this.chunks[0]! : this.join();
    const frame = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered -= n;
    return frame;
  }

  private join(): Uint8Array {
    const all = new Uint8Array(this.buffered);
    let offset = 0;
    for (const chunk of this.chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    this.chunks = [all];
    return all;
  }
}
