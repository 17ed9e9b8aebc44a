/**
 * Turns the figures into the report: each entry gains its ratios (grove ÷ tmux, grove ÷ each peer), the
 * target it is held to and whether it met it, and the whole becomes a Markdown table and
 * `bench/results/latest.json`.
 *
 * Targets are the issue's, stated on grove's own figure except throughput, which is relative to tmux.
 * A ratio below 1 means grove used less (time, memory, CPU) than tmux.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { round } from './stats.js';

const TARGETS = [
  { match: /^throughput$/, text: 'ratio ≤ 1.0 (aim ≤ 0.67)', met: (e) => e.ratio <= 1.0 },
  { match: /^throughput_4$/, text: 'ratio ≤ 0.67', met: (e) => e.ratio <= 0.67 },
  { match: /^echo_idle_p99$/, text: '< 10 ms', met: (e) => e.grove < 10 },
  { match: /^echo_flood_p99$/, text: '< 30 ms', met: (e) => e.grove < 30 },
  { match: /^echo_flood4_p99$/, text: '< 10 ms', met: (e) => e.grove < 10 },
  { match: /^first_frame$/, text: '< 300 ms', met: (e) => e.grove < 300 },
  { match: /^memory_per_session$/, text: '≤ 15 MB', met: (e) => e.grove <= 15 },
  { match: /^memory_scrollback_/, text: '< 300 MB', met: (e) => e.grove < 300 },
  { match: /^idle_cpu$/, text: '< 0.3 s (1% of a core)', met: (e) => e.grove < 0.3 },
  { match: /^attach_/, text: '< 500 ms', met: (e) => e.grove < 500 },
  { match: /^ssh_echo_idle_p99$/, text: 'ratio ≤ 1.5', met: (e) => e.ratio <= 1.5 },
  { match: /^ssh_first_frame$/, text: '< 500 ms', met: (e) => e.grove < 500 },
];

/** "500", or "500; ccmanager 31" where a tool got fewer keys in before its rounds ran out of time. */
function keyCounts(keys) {
  if (typeof keys === 'number') return String(keys);
  const fewer = Object.entries(keys).filter(([, count]) => count < keys.grove);
  return [keys.grove, ...fewer.map(([name, count]) => `${name} ${count}`)].join('; ');
}

function title(key, entry, params) {
  if (key === 'throughput') return `Throughput: \`cat\` of a ${params.logMB} MB coloured log`;
  if (key === 'throughput_4') return `Throughput, four panes each \`cat\`-ing the ${params.logMB} MB log at once`;
  const ssh = /^ssh_(.*)$/.exec(key);
  if (ssh) return `Through ssh (grove's link vs \`ssh -t tmux attach\`): ${title(ssh[1], entry, params).replace(/^\w/, (c) => c.toLowerCase())}`;
  const echo = /^echo_(idle|flood|flood4)_p(\d+)$/.exec(key);
  const during = { idle: 'idle', flood: 'another pane flooding', flood4: 'four other panes flooding' };
  if (echo) return `Keystroke echo p${echo[2]}, ${during[echo[1]]} (${keyCounts(entry.keys)} keys)`;
  if (key === 'first_frame') return 'Time to first frame';
  if (key === 'first_frame_cold') return 'Time to first frame, first start after an install (no code cache)';
  if (key === 'memory_per_session') return `Memory per additional idle session (${entry.between[0]}→${entry.between[1]})`;
  if (key.startsWith('memory_scrollback_')) return `Memory, ${entry.sessions} sessions × ${entry.scrollback_lines.toLocaleString('en')} lines of scrollback, a client attached`;
  if (key.startsWith('memory_pss_')) return `Memory, ${entry.sessions} idle shell session${entry.sessions === 1 ? '' : 's'}, shared pages counted once (PSS)`;
  if (key.startsWith('memory_')) return `Memory, ${entry.sessions} idle shell session${entry.sessions === 1 ? '' : 's'}`;
  if (key === 'idle_cpu') return `Idle CPU, ${entry.sessions} sessions (over ${entry.window_s === 30 ? '30 s' : `${entry.window_s} s, scaled to 30 s`})`;
  if (key.startsWith('attach_first_')) return `Attach, first after making the ${entry.sessions} sessions (1 sample)`;
  if (key.startsWith('attach_')) return `Attach, ${entry.sessions} sessions × ${entry.scrollback_lines.toLocaleString('en')} lines of scrollback`;
  return key;
}

/**
 * Adds the ratios, target and met to every entry, rounding for people (samples keep their precision):
 * `ratio` is grove ÷ tmux, `ratios` grove ÷ each peer. Targets are stated for the full workload: a quick
 * run shows them but judges none (`met` is left out), since a 3 MB log or a 3-second window measures
 * mostly start-up and noise.
 */
export function judge(entries, { quick = false, tools = ['grove', 'tmux'] } = {}) {
  const judged = {};
  const peers = tools.filter((name) => name !== 'grove');
  for (const [key, entry] of Object.entries(entries)) {
    const ratioTo = (name) => (entry[name] > 0 ? entry.grove / entry[name] : null);
    const ratio = ratioTo('tmux');
    const target = TARGETS.find((t) => t.match.test(key));
    const withRatio = { ...entry, ratio };
    const values = Object.fromEntries(tools.filter((name) => entry[name] !== undefined).map((name) => [name, round(entry[name], 3)]));
    judged[key] = {
      ...entry,
      ...values,
      ratio: ratio === null ? null : round(ratio, 2),
      ratios: Object.fromEntries(peers.map((name) => [name, ratioTo(name) === null ? null : round(ratioTo(name), 2)])),
      ...(target ? { target: target.text, ...(quick ? {} : { met: target.met(withRatio) }) } : {}),
    };
  }
  return judged;
}

const show = (value) => (value === null || value === undefined || Number.isNaN(value) ? '—' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/**
 * The table: a column per tool and one per ratio, grove first. A tool with no part in a figure, or measured
 * differently there, gets a numbered note under the table saying why.
 */
export function markdownTable(entries, params, tools = ['grove', 'tmux']) {
  const peers = tools.filter((name) => name !== 'grove');
  const notes = [];
  const noteFor = (name, text) => {
    const line = `${name}: ${text}`;
    if (!notes.includes(line)) notes.push(line);
    return `<sup>${notes.indexOf(line) + 1}</sup>`;
  };
  const cell = (entry, name) => {
    if (entry.skipped?.[name]) return `n/a${noteFor(name, entry.skipped[name])}`;
    const note = entry.notes?.[name] ? noteFor(name, entry.notes[name]) : '';
    return `${show(entry[name])}${note}`;
  };
  const rows = [
    `| Figure | Unit | ${tools.join(' | ')} | ${peers.map((name) => `grove/${name}`).join(' | ')} | Target (grove) | Met |`,
    `| --- | --- | ${tools.map(() => '---:').join(' | ')} | ${peers.map(() => '---:').join(' | ')} | --- | --- |`,
  ];
  for (const [key, entry] of Object.entries(entries)) {
    const met = entry.met === undefined ? (entry.target ? 'not judged (quick)' : '') : entry.met ? 'met' : '**missed**';
    const ratios = peers.map((name) => (entry.ratios?.[name] === null || entry.ratios?.[name] === undefined ? '—' : `${entry.ratios[name].toFixed(2)}×`));
    rows.push(`| ${title(key, entry, params)} | ${entry.unit} | ${tools.map((name) => cell(entry, name)).join(' | ')} | ${ratios.join(' | ')} | ${entry.target ?? ''} | ${met} |`);
  }
  return [...rows, ...(notes.length ? ['', ...notes.map((line, i) => `<sup>${i + 1}</sup> ${line}`)] : [])].join('\n');
}

export function writeJson(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}
