/**
 * The paste buffer's pure parts and its two small holders: the size check that the protocol's table and
 * the clients share, the server's PasteBuffer, and the client's Clipboard, which sends copies to the
 * server and to the terminal's clipboard and knows from the server's pushes whether it can paste. The
 * Clipboard talks to an in-memory PasteBufferPort that behaves as the server does.
 */
import { BehaviorSubject, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { Clipboard } from '../../src/client/clipboard.js';
import { MAX_PASTE_BUFFER_BYTES, pasteBufferProblem, utf8Length, type PasteBufferPort } from '../../src/core/copy-mode/paste-buffer.js';
import { REQUESTS } from '../../src/core/protocol/requests.js';
import { PasteBuffer } from '../../src/server/paste-buffer.js';

describe('utf8Length', () => {
  it('counts what UTF-8 takes, surrogate pairs and lone surrogates included', () => {
    for (const text of ['', 'plain', 'café', '日本語', 'a😀b', '👩‍👩‍👧', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d']) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});

describe('pasteBufferProblem', () => {
  it('takes text up to 1 MiB of UTF-8, and refuses empty text and a byte more', () => {
    expect(pasteBufferProblem('x')).toBeUndefined();
    expect(pasteBufferProblem('x'.repeat(MAX_PASTE_BUFFER_BYTES))).toBeUndefined();
    expect(pasteBufferProblem('x'.repeat(MAX_PASTE_BUFFER_BYTES + 1)))
      .toBe('the paste buffer holds at most 1 MiB (1048576 bytes); this text is 1048577 bytes');
    // Counted in bytes, not characters: half as many two-byte characters are as many bytes.
    expect(pasteBufferProblem('é'.repeat(MAX_PASTE_BUFFER_BYTES / 2 + 1))).toMatch(/this text is 1048578 bytes$/);
    expect(pasteBufferProblem('')).toBe('nothing to put in the paste buffer: the text is empty');
  });

  it('is what the setBuffer row of the request table checks', () => {
    expect(REQUESTS.setBuffer.safeParse({ text: 'fine' }).success).toBe(true);
    const big = REQUESTS.setBuffer.safeParse({ text: 'x'.repeat(MAX_PASTE_BUFFER_BYTES + 1) });
    expect(big.success).toBe(false);
    expect(big.error?.issues[0]?.message).toBe(pasteBufferProblem('x'.repeat(MAX_PASTE_BUFFER_BYTES + 1)));
    expect(REQUESTS.setBuffer.safeParse({ text: 7 }).success).toBe(false);
    expect(REQUESTS.pasteBuffer.safeParse({ session: '' }).success).toBe(false);
  });
});

describe("the server's PasteBuffer", () => {
  it('starts empty, tells each subscriber its length, and keeps the newest text', async () => {
    const buffer = new PasteBuffer();
    expect(buffer.current).toBeUndefined();
    expect(await firstValueFrom(buffer.length$)).toBe(0);
    buffer.set('first');
    buffer.set('second one');
    expect(buffer.current).toBe('second one');
    expect(await firstValueFrom(buffer.length$)).toBe(10);
  });

  it('refuses what it cannot hold and keeps what it had', () => {
    const buffer = new PasteBuffer();
    buffer.set('kept');
    const seen: number[] = [];
    buffer.length$.subscribe((length) => seen.push(length));
    expect(() => buffer.set('x'.repeat(MAX_PASTE_BUFFER_BYTES + 1))).toThrow(/^the paste buffer holds at most 1 MiB/);
    expect(() => buffer.set('')).toThrow(/text is empty/);
    expect(buffer.current).toBe('kept');
    expect(seen).toEqual([4]);
  });
});

/** The server's side of the port, in memory: copies land in a PasteBuffer, pastes are recorded. */
class MemoryPort implements PasteBufferPort {
  readonly server = new PasteBuffer();
  readonly pasted: string[] = [];
  readonly length$ = new BehaviorSubject(0);
  /** Pushes reach the client only when `push` runs, as they would arrive later over a socket. */
  async set(text: string): Promise<void> {
    this.server.set(text);
  }
  push(): void {
    this.length$.next(this.server.current?.length ?? 0);
  }
  async paste(session: string): Promise<void> {
    if (this.server.current === undefined) throw new Error('the paste buffer is empty');
    this.pasted.push(`${session}: ${this.server.current}`);
  }
}

function clipboard() {
  const port = new MemoryPort();
  const terminal: string[] = [];
  const messages: string[] = [];
  const board = new Clipboard((sequence) => terminal.push(sequence), port, (text) => messages.push(text));
  return { port, terminal, messages, board };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the client's Clipboard", () => {
  it("sends a copy to the server and to the terminal's clipboard, and can paste at once", async () => {
    const { port, terminal, messages, board } = clipboard();
    expect(board.hasText).toBe(false);
    board.copy('clip-42');
    // Before the server's push arrives: prefix ] right after a copy must not say there is nothing.
    expect(board.hasText).toBe(true);
    expect(terminal).toEqual([`\x1b]52;c;${Buffer.from('clip-42').toString('base64')}\x07`]);
    expect(messages).toEqual(['copied 7 characters']);
    await settle();
    expect(port.server.current).toBe('clip-42');
    board.paste('s1');
    await settle();
    expect(port.pasted).toEqual(['s1: clip-42']);
  });

  it('follows the length the server pushes, whoever filled the buffer', () => {
    const { port, board } = clipboard();
    port.server.set('from another client');
    port.push();
    expect(board.hasText).toBe(true);
    board.dispose();
    port.length$.next(0);
    expect(board.hasText).toBe(true);
  });

  it('keeps a text too large for OSC 52 in the paste buffer only, and says so', async () => {
    const { port, terminal, messages, board } = clipboard();
    const text = 'y'.repeat(900 * 1024);
    board.copy(text);
    await settle();
    expect(terminal).toEqual([]);
    expect(port.server.current).toBe(text);
    expect(messages).toEqual([`copied ${text.length} characters (too many for the terminal's clipboard)`]);
  });

  it('copies nothing, anywhere, that the paste buffer cannot hold', async () => {
    const { port, terminal, messages, board } = clipboard();
    board.copy('x'.repeat(MAX_PASTE_BUFFER_BYTES + 1));
    board.copy('');
    await settle();
    expect(terminal).toEqual([]);
    expect(port.server.current).toBeUndefined();
    expect(board.hasText).toBe(false);
    expect(messages).toEqual([
      'nothing copied: the paste buffer holds at most 1 MiB (1048576 bytes); this text is 1048577 bytes',
      'nothing copied: the selection is blank',
    ]);
  });

  it("puts a program's text on the terminal's clipboard only (the server has buffered it)", () => {
    const { port, terminal, board } = clipboard();
    expect(board.toTerminal('from-agent')).toBe(true);
    expect(terminal).toHaveLength(1);
    expect(port.server.current).toBeUndefined();
  });

  it('says why a paste failed', async () => {
    const { messages, board } = clipboard();
    board.paste('s1');
    await settle();
    expect(messages).toEqual(['the paste buffer is empty']);
  });
});
