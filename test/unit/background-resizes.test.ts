/**
 * Resizes of hidden sessions go one per turn of the event loop, a newer size replacing a waiting one,
 * and a session's waiting resize is applied at once when asked for.
 */
import { describe, expect, it } from 'vitest';
import { BackgroundResizes } from '../../src/server/background-resizes.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('BackgroundResizes', () => {
  it('applies one resize per turn, in the order they came, so other work runs between them', async () => {
    const log: string[] = [];
    const resizes = new BackgroundResizes((id, cols, rows) => log.push(`${id} ${cols}x${rows}`));
    resizes.add('a', 80, 24);
    resizes.add('b', 90, 30);
    resizes.add('c', 100, 40);
    expect(log).toEqual([]);
    const between = (async () => {
      for (let i = 0; i < 3; i++) {
        await turn();
        log.push('other work');
      }
    })();
    await between;
    await turn();
    expect(log).toEqual(['a 80x24', 'other work', 'b 90x30', 'other work', 'c 100x40', 'other work']);
    expect(resizes.size).toBe(0);
  });

  it('keeps only the newest size of a session, and flush applies it at once', async () => {
    const log: string[] = [];
    const resizes = new BackgroundResizes((id, cols, rows) => log.push(`${id} ${cols}x${rows}`));
    resizes.add('a', 80, 24);
    resizes.add('a', 120, 39);
    resizes.add('b', 90, 30);
    resizes.flush('b');
    expect(log).toEqual(['b 90x30']);
    resizes.flush('b');
    await turn();
    await turn();
    expect(log).toEqual(['b 90x30', 'a 120x39']);
  });

  it('forgets a session, and after dispose applies nothing', async () => {
    const log: string[] = [];
    const resizes = new BackgroundResizes((id) => log.push(id));
    resizes.add('a', 80, 24);
    resizes.add('b', 80, 24);
    resizes.forget('a');
    resizes.dispose();
    resizes.flush('b');
    await turn();
    await turn();
    expect(log).toEqual([]);
  });
});
