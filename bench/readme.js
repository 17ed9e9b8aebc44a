/**
 * `node bench/readme.js`: puts the figures of `bench/results/latest.json` into README.md, between
 * `<!-- bench:start -->` and `<!-- bench:end -->` (added at the end if missing). Nothing else in the
 * README is touched. Run it after a full `npm run bench` to publish that run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const LATEST = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function section(result) {
  const { machine, workload, mode, date } = result;
  return [
    START,
    '## Benchmarks: grove against tmux and ccmanager',
    '',
    `Taken ${date.slice(0, 10)} with \`npm run bench\`${mode === 'quick' ? ' --quick' : ''} on ${machine.nproc} CPUs (${machine.cpu}), ${machine.memory_gb} GB of memory,`
      + ` ${machine.os}, Node ${machine.node}, ${[machine.tmux, machine.ccmanager].filter(Boolean).join(', ')}, grove ${machine.grove} at ${machine.grove_commit};`
      + ` load average ${machine.load_average_at_start[0]} at the start, ${result.load_average_at_end[0]} at the end.`,
    '',
    result.table,
    '',
    'How these are taken: each tool runs its own isolated server (ccmanager has none: one process holds its menu,',
    'its sessions and their emulators, and its sessions end with it); the client (`grove`, `tmux attach`, `ccmanager`)',
    'runs in a 120×40 pseudo-terminal that the benchmark drains, and all run the same shell (`bash --norc`) and',
    'workload, in alternating runs. ccmanager is its own build (the platform binary its npm package runs), its command',
    'preset set to that shell, its sessions (one per git worktree) opened through its menu as a person would.',
    'Figures are medians (echo latency: percentiles over all keys); the ratios are grove ÷ each tool, so below 1 is',
    `better for grove. Throughput is the time from Enter on \`cat\` of a ${workload.logMB} MB coloured log until its last line`,
    "reaches the client's terminal, with grove's pane zoomed so grove's and tmux's panes are 120×39 (ccmanager's is",
    '120×40: it draws nothing around a session); the four-pane figure starts four `cat`s at once in a tiled layout and',
    'ends when all four panes show the last line. Echo keys come 20–39 ms apart, a round ends after 30 s however many',
    'keys it got in; a flood is a pane beside the shell, `cat`-ing the log in a loop, one or four of them, tiled (in',
    'ccmanager, other sessions: it shows one at a time). First frame and attach end when the status line and the focused pane\'s last',
    'line are on the (headless xterm) screen (ccmanager\'s: its menu); for grove they include starting Node, in the',
    'environment the benchmark was given, and its code cache as a second start finds it; the row after shows a first',
    'start, without it. Memory and CPU count each tool\'s server and attached client (ccmanager\'s one process), not',
    `the shells inside its sessions, read ${workload.settleMs / 1000} s after the last session was made or the client showed`,
    'its screen. Resident memory counts the pages a tool\'s two processes share (the same program',
    'twice: for grove, Node) in each; the PSS row counts them once. It moves by a few MB as the garbage collector runs,',
    'so a per-session figure below that is noise. tmux gets `history-limit 10000`, grove\'s default scrollback. The ssh',
    'rows put each tool\'s sessions on "another machine" behind a real `sshd` on 127.0.0.1: grove\'s UI here over its',
    'own link (`ssh box grove proxy`), tmux as `ssh -t box tmux attach`; first frame includes ssh\'s login. All of it is',
    'in `bench/`; `bench/results/latest.json` keeps every sample. Compare figures from the same run only: the tails',
    '(p99) of every tool grow on a busy machine, which the load average shows. A peer\'s round that fails twice (its UI',
    'driven through its screen missed a key) is left out of its figure, and the run says so on stderr.',
    '',
    'Reproduce:',
    '',
    '```sh',
    'npm run build',
    'npm run bench              # about 20 minutes; `npm run bench -- --quick` takes about two',
    'node bench/readme.js       # put bench/results/latest.json into this section',
    'node bench/profile.js echo # where grove spends its time: echo, flood, flood4, throughput, first-frame, attach, idle',
    '```',
    END,
  ].join('\n');
}

function main() {
  const result = JSON.parse(readFileSync(LATEST, 'utf8'));
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  const next = start >= 0 && end > start
    ? readme.slice(0, start) + section(result) + readme.slice(end + END.length)
    : `${readme.trimEnd()}\n\n${section(result)}\n`;
  writeFileSync(README, next);
  process.stdout.write(`README.md: benchmark section from ${result.date} (${result.mode})\n`);
}

main();
