/**
 * The pure rules for other machines (core/hosts/remote.ts): quoting for the remote shell, the ssh command
 * lines, remote session ids, the reconnection backoff; and a pane's screen while its machine is away.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandArguments, destinationProblem, linkArguments, placedId, reconnectDelayMs, remoteCommand, shellQuote, splitPlacedId } from '../../src/core/hosts/remote.js';
import { Attr, DEFAULT_MODES, lineText, PLAIN, type PaneFrame } from '../../src/core/screen/frame.js';
import { offlineFrame } from '../../src/core/screen/offline-frame.js';

describe('quoting for the remote shell', () => {
  it('gives sh back every word as it was, whatever it holds', () => {
    const words = ['plain', "it's", 'two words', '$HOME', '`id`', 'a;b|c&d', "'", '', 'ünï', '-x', '*'];
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
    expect(echoed).toBe(words.map((word) => `${word}\n`).join(''));
  });

  it('runs grove as configured, with the arguments quoted, in the folder given (~ stays home)', () => {
    expect(remoteCommand('grove', ['new', '--prompt', 'fix it; rm -rf ~'])).toBe("grove new --prompt 'fix it; rm -rf ~'");
    expect(remoteCommand('env A=1 ~/bin/grove', ['ls'], '~/my src')).toBe("cd ~/'my src' && env A=1 ~/bin/grove ls");
    expect(remoteCommand('grove', ['proxy'], '/srv/api')).toBe('cd /srv/api && grove proxy');
  });

  it('keeps a destination from being read as an option', () => {
    expect(destinationProblem('user@box')).toBeUndefined();
    expect(destinationProblem('-oProxyCommand=x')).toMatch(/is not an ssh destination/u);
    expect(destinationProblem('a b')).toMatch(/is not an ssh destination/u);
    expect(linkArguments('box', 'grove proxy').slice(-3)).toEqual(['--', 'box', 'grove proxy']);
    expect(linkArguments('box', 'x')).toEqual(expect.arrayContaining(['-T', 'BatchMode=yes', 'ServerAliveInterval=10']));
    expect(commandArguments('box', 'grove ls', true).slice(0, 1)).toEqual(['-t']);
    expect(commandArguments('box', 'grove ls', false).slice(0, 1)).toEqual(['-T']);
  });
});

describe('remote sessions and reconnection', () => {
  it('names a remote session by its machine and its id there, and tells a local id apart', () => {
    expect(placedId('box', 's3')).toBe('box/s3');
    expect(splitPlacedId('box/s3')).toEqual({ host: 'box', id: 's3' });
    expect(splitPlacedId('s3')).toBeUndefined();
  });

  it('waits longer after each failed attempt, never more than 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('a pane whose machine is away', () => {
  const frame: PaneFrame = {
    cols: 20, rows: 3, title: '', cursor: { x: 2, y: 1, visible: true },
    modes: DEFAULT_MODES,
    lines: [0, 1, 2].map((row) => [{ style: { ...PLAIN, attrs: Attr.BOLD }, cells: [...`line ${row}`.padEnd(20)] }]),
  };

  it('keeps its last screen dimmed, says why on the bottom row, and hides the cursor', () => {
    const shown = offlineFrame(frame, 'box: reconnecting…');
    expect(shown.lines.slice(0, 2).map(lineText).map((text) => text.trimEnd())).toEqual(['line 0', 'line 1']);
    expect(shown.lines[0]![0]!.style.attrs).toBe(Attr.BOLD | Attr.DIM);
    expect(lineText(shown.lines[2]!)).toBe(' box: reconnecting… '.padEnd(20));
    expect(shown.cursor.visible).toBe(false);
    expect(offlineFrame(frame, 'x'.repeat(50)).lines[2]!.flatMap((run) => run.cells)).toHaveLength(20);
  });
});
