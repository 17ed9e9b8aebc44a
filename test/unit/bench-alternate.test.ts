/**
 * The benchmark's rounds over grove and its peers (bench/lib/scenario.js): a peer's round that fails
 * twice is left out of its figure, so one flaky peer does not end a twenty-minute run; grove's never is.
 */
import { describe, expect, it } from 'vitest';
import { alternate } from '../../bench/lib/scenario.js';

const grove = { toolName: 'grove' };
const peer = { toolName: 'peer' };

describe("the benchmark's rounds", () => {
  it("leave out a peer's round that failed twice, and say so", async () => {
    const said: string[] = [];
    let tries = 0;
    const results = await alternate([grove, peer], 3, async (tool, round) => {
      if (tool === peer && round === 1 && ++tries <= 2) throw new Error('its search did not open\nscreen: ...');
      return `${tool.toolName} ${round}`;
    }, (line) => said.push(line));
    expect(results).toEqual({ grove: ['grove 0', 'grove 1', 'grove 2'], peer: ['peer 0', 'peer 2'] });
    expect(said).toEqual([
      'bench: peer round 2 failed (its search did not open); running it again\n',
      'bench: peer round 2 failed again (its search did not open); left out of its figure\n',
    ]);
  });

  it('keep a round that passed on its second try', async () => {
    let tries = 0;
    const results = await alternate([peer], 2, async (_tool, round) => {
      if (round === 0 && ++tries === 1) throw new Error('missed a key');
      return round;
    }, () => undefined);
    expect(results).toEqual({ peer: [0, 1] });
  });

  it('end the run when a peer has no round left, or when one of grove\'s fails', async () => {
    const quiet = () => undefined;
    await expect(alternate([peer], 2, async () => Promise.reject(new Error('never opens')), quiet)).rejects.toThrow('never opens');
    let groveTries = 0;
    await expect(alternate([grove, peer], 2, async (tool) => {
      if (tool === grove) {
        groveTries++;
        throw new Error('grove failed');
      }
      return 1;
    }, quiet)).rejects.toThrow('grove failed');
    expect(groveTries).toBe(1);
  });
});
