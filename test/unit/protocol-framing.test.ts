import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder, FrameDecoderError, MAX_FRAME_BYTES } from '../../src/core/protocol/framing.js';
import { clientMessageSchema } from '../../src/core/protocol/message-schema.js';
import { helloProblem, versionSkew, PROTOCOL_VERSION } from '../../src/core/protocol/messages.js';

describe('framing', () => {
  it('round-trips messages, including non-ASCII text and escape sequences', () => {
    const messages = [{ t: 'input', session: 's1', data: '日本\x1b[A\r' }, { t: 'watch', sessions: [] }];
    const bytes = Buffer.concat(messages.map((m) => Buffer.from(encodeFrame(m))));
    expect(new FrameDecoder().push(bytes)).toEqual(messages);
  });

  it('reassembles a message split at every possible byte', () => {
    const message = { t: 'input', session: 's1', data: 'héllo wörld ✓' };
    const bytes = encodeFrame(message);
    for (let cut = 1; cut < bytes.length; cut++) {
      const decoder = new FrameDecoder();
      expect(decoder.push(bytes.subarray(0, cut))).toEqual([]);
      expect(decoder.push(bytes.subarray(cut))).toEqual([message]);
    }
  });

  it('delivers several messages that arrive in one chunk, and holds a trailing partial one', () => {
    const a = encodeFrame({ n: 1 });
    const b = encodeFrame({ n: 2 });
    const decoder = new FrameDecoder();
    const joined = Buffer.concat([Buffer.from(a), Buffer.from(b.subarray(0, 3))]);
    expect(decoder.push(joined)).toEqual([{ n: 1 }]);
    expect(decoder.push(b.subarray(3))).toEqual([{ n: 2 }]);
  });

  it('rejects an oversized length before buffering it, and a body that is not JSON', () => {
    const head = new Uint8Array(4);
    new DataView(head.buffer).setUint32(0, MAX_FRAME_BYTES + 1);
    expect(() => new FrameDecoder().push(head)).toThrow(FrameDecoderError);
    const junk = new Uint8Array([0, 0, 0, 2, 0x7b, 0x7b]);
    expect(() => new FrameDecoder().push(junk)).toThrow(/not valid JSON/);
  });
});

describe('messages', () => {
  it('accepts a hello of our version and refuses another, saying what to do', () => {
    const ours = clientMessageSchema.parse({ t: 'hello', version: PROTOCOL_VERSION, pid: 1, cwd: '/' });
    expect(helloProblem(ours, '1.0.0')).toBeUndefined();
    const theirs = clientMessageSchema.parse({ t: 'hello', version: PROTOCOL_VERSION + 1, pid: 1, cwd: '/', grove: '2.0.0' });
    expect(helloProblem(theirs, '1.0.0')).toMatch(/^the grove server \(grove 1\.0\.0\) speaks protocol \d+ but this client \(grove 2\.0\.0\) speaks \d+: .*grove server stop/u);
  });

  it('names both versions when a server of another version answers', () => {
    expect(versionSkew('box', { version: 99, grove: '9.9.9' }, '0.1.0'))
      .toBe(`box runs grove 9.9.9, protocol 99; this is grove 0.1.0, protocol ${PROTOCOL_VERSION}: install the same grove on both`);
    expect(versionSkew('box', { version: 3 }, '0.1.0')).toMatch(/^box runs another grove, protocol 3;/u);
    expect(versionSkew(undefined, { version: 3 }, '0.1.0')).toMatch(/^the grove server runs another grove, protocol 3; this is grove 0\.1\.0, protocol \d+: stop it with `grove server stop`/u);
  });

  it('rejects malformed client messages', () => {
    expect(clientMessageSchema.safeParse({ t: 'resize', session: 's1', cols: 0, rows: 10 }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ t: 'input', session: 's1' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ t: 'explode' }).success).toBe(false);
  });
});
