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
    '## Benchmarks: grove against tmux',
    '',
    `Taken ${date.slice(0, 10)} with \`npm run bench\`${mode === 'quick' ? ' --quick' : ''} on ${machine.nproc} CPUs (${machine.cpu}), ${machine.memory_gb} GB of memory,`
      + ` ${machine.os}, Node ${machine.node}, ${machine.tmux}, grove ${machine.grove} at ${machine.grove_commit};`
      + ` load average ${machine.load_average_at_start[0]} at the start, ${result.load_average_at_end[0]} at the end.`,
    '',
    result.table,
    '',
    'How these are taken: each tool runs its own isolated server; the client (`grove`, `tmux attach`) runs in a 120×40',
    'pseudo-terminal that the benchmark drains, and both run the same shell (`bash --norc`) and workload, in alternating',
    'runs. Figures are medians (echo latency: percentiles over all keys); the ratio is grove ÷ tmux, so below 1 is',
    `better for grove. Throughput is the time from Enter on \`cat\` of a ${workload.logMB} MB coloured log until its last line`,
    "reaches the client's terminal, with grove's pane zoomed so both panes are 120×39. Echo keys come 20–39 ms apart;",
    'the flood is a second pane beside the shell, `cat`-ing the log in a loop. First frame and attach end when the',
    "status line and the focused pane's last line are on the (headless xterm) screen; for grove they include starting",
    'Node, in the environment the benchmark was given (`NODE_EXTRA_CA_CERTS`, for one, makes every Node start read a',
    'certificate file), and its code cache as a second start finds it; the row after shows a first start, without it.',
    'Memory and CPU count each tool\'s server and attached client, not the shells inside its sessions; resident memory',
    'moves by a few MB as the garbage collector runs, so a per-session figure below that is noise. Idle CPU is counted',
    'from 2 s after the sessions were made, so it includes the garbage collector tidying up after making them. tmux',
    'gets `history-limit 10000`, grove\'s default scrollback. All of it is in `bench/`; `bench/results/latest.json` keeps',
    'every sample. The load average is there because the tails (p99) of both tools grow on a busy machine; compare',
    'figures from the same run only.',
    '',
    'Reproduce:',
    '',
    '```sh',
    'npm run build',
    'npm run bench              # about 5 minutes; `npm run bench -- --quick` takes under one',
    'node bench/readme.js       # put bench/results/latest.json into this section',
    'node bench/profile.js echo # where grove spends its time: echo, flood, throughput, first-frame, attach, idle',
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
