/**
 * Fan-out in the UI, in process (ui-harness.ts) over a real repository and review service: C-b F makes
 * the variants, the sidebar lists them under their header and folds them (C-b g), C-b V compares them
 * and shows one file of two variants against each other, and merging one offers to remove the others.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repositoryOf } from '../../src/io/repository.js';
import type { ReviewService } from '../../src/server/review/review-service.js';
import { GitFixture } from '../integration/git-fixture.js';
import { reviewServiceFor } from '../integration/review-fixture.js';
import { UiHarness } from './ui-harness.js';

let ui: UiHarness | undefined;
let fixture: GitFixture | undefined;
let review: ReviewService | undefined;
afterEach(async () => {
  await ui?.dispose();
  await review?.dispose();
  fixture?.dispose();
});

const worktreeOf = (name: string) => ui!.host.list().find((s) => s.name === name)!.worktree!.worktreePath;

describe('fan-out in the UI', () => {
  it('makes three variants from the dialog, lists them under a header that folds, compares them, and picks one', async () => {
    fixture = GitFixture.create();
    ui = new UiHarness({
      cwd: fixture.repo, repositoryOf, fanout: true, installed: [], rows: 40,
      // No turn commits by themselves: what each variant has uncommitted stays so, whenever its turns end.
      review: (host) => (review = reviewServiceFor(host, { settings: { check: 'grep -q "from 2" greeting.txt', commitPerTurn: false } })),
      programs: { scripted: (pty) => pty.print('ready\r\n> ') },
      config: { agents: { scripted: { command: 'scripted', prompt: 'argument' } } },
    });
    await ui.startDefault();
    ui.run('fanout');
    await ui.waitForText('Fan out');
    ui.press('Tab');
    ui.type('greet');
    ui.press('Tab');
    ui.type('scripted');
    ui.press('Tab');
    ui.type('add a greeting');
    ui.press('Enter');
    await ui.waitForText('started greet-1, greet-2, greet-3');
    await ui.waitForText(/▾ greet ×3/u);
    expect(ui.ptys.slice(1).map((pty) => pty.args.at(-1))).toEqual(['add a greeting', 'add a greeting', 'add a greeting']);

    for (const n of [1, 2, 3]) writeFileSync(join(worktreeOf(`greet-${n}`), 'greeting.txt'), `hello from ${n}\n`);
    writeFileSync(join(worktreeOf('greet-3'), 'extra.txt'), 'only the third\n');
    ui.run('compare');
    await ui.waitForText(/file\s+greet-1 A\s+greet-2 B\s+greet-3/u);
    await ui.waitForText(/extra\.txt\s+·\s+·\s+\+1−0/u);
    ui.press('j', 'Enter');
    await ui.waitForText('greeting.txt: greet-2 against greet-1');
    await ui.waitForText('-hello from 1');
    await ui.waitForText('+hello from 2');
    ui.press('q');
    await ui.waitFor((screen) => !screen.includes('greeting.txt: greet-2'), 'the file closed');
    // t: the config's check in each, one at a time, and the table again with their results.
    ui.press('t');
    await ui.waitForText(/check\s+✗ exit 1\s+✓ [0-9a-f]{7}\s+✗ exit 1/u);
    expect(ui.host.list().find((s) => s.name === 'greet-2')!.check).toMatchObject({ passed: true, exitCode: 0 });
    ui.press('q');
    await ui.waitFor((screen) => !screen.includes('j/k file'), 'the comparison closed');

    ui.run('toggle-group');
    await ui.waitForText(/▸ greet ×3/u);
    expect(ui.snapshot()).not.toMatch(/greet-2/u);
    ui.run('toggle-group');
    await ui.waitForText(/▾ greet ×3/u);

    // Pick greet-2: the merge, then the offer once the dialog is closed. greet-3 loses nothing (its turn's
    // commit stays on its branch) and goes; greet-1 has work nowhere else, so it gets the remove dialog.
    const picked = ui.host.list().find((s) => s.name === 'greet-2')!;
    await review!.commitTurn(picked.id);
    await review!.commitTurn(ui.host.list().find((s) => s.name === 'greet-3')!.id);
    ui.app.focus(picked.id);
    ui.run('merge');
    await ui.waitForText('method: merge commit (m)');
    ui.press('Enter');
    await ui.waitForText('merged grove/greet-2 into main');
    ui.press('q');
    await ui.waitForText('remove the other variants (greet-1, greet-3)? (y/n)');
    writeFileSync(join(worktreeOf('greet-1'), 'notes.txt'), 'not saved anywhere else\n');
    ui.press('y');
    await ui.waitForText('Remove greet-1', 15_000);
    await ui.waitForText('losing 2 untracked files:');
    expect(ui.host.list().map((session) => session.name)).not.toContain('greet-3');
    expect(fixture.git(['show', 'main:greeting.txt'])).toBe('hello from 2\n');
  });

  it('gives each variant its own agent when the dialog names one per variant', async () => {
    fixture = GitFixture.create();
    const agent = (command: string) => ({ command, prompt: 'argument' as const });
    ui = new UiHarness({
      cwd: fixture.repo, repositoryOf, fanout: true, installed: [],
      review: (host) => (review = reviewServiceFor(host)),
      programs: { alpha: (pty) => pty.print('a> '), beta: (pty) => pty.print('b> '), gamma: (pty) => pty.print('c> ') },
      config: { agents: { alpha: agent('alpha'), beta: agent('beta'), gamma: agent('gamma') } },
    });
    await ui.startDefault();
    ui.run('fanout');
    await ui.waitForText('Fan out');
    ui.press('Tab', 'Tab');
    ui.type('alpha,beta');
    ui.press('Tab');
    ui.type('try it');
    ui.press('Enter');
    await ui.waitForText('give one agent, or one per variant (3); got 2');
    ui.press('BTab');
    ui.type(',gamma');
    ui.press('Enter');
    await ui.waitForText(/▾ try-it ×3/u);
    expect(ui.ptys.slice(1).map((pty) => pty.file)).toEqual(['alpha', 'beta', 'gamma']);
    expect(ui.host.list().filter((s) => s.group === 'try-it').map((s) => s.worktree?.baseBranch)).toEqual(['main', 'main', 'main']);
  });
});
