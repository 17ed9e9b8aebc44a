/**
 * `npm run bench`: grove against tmux and ccmanager on this machine, in one run, through the same steps.
 *
 * Every tool gets the same 120×40 client terminal (a pseudo-terminal this process drains), the same shell,
 * the same workload, and runs that alternate between them; figures are medians (latencies: percentiles over
 * all keys), each printed beside the others' with the ratios grove ÷ tmux and grove ÷ ccmanager, and the
 * target grove is held to. ccmanager is installed on first use (lib/ccmanager-tool.js); without it (no
 * network, say) the run goes on with the other two and says so.
 * Writes a Markdown table to stdout and everything (samples too) to `bench/results/latest.json`.
 *
 *   node bench/run.js            the full workload (about 5 minutes)
 *   node bench/run.js --quick    a smaller one, in under a minute
 *   node bench/run.js --only throughput,echo    some figures only (throughput, throughput-4, echo, first-frame, resources, attach, remote)
 *   node bench/run.js --only status             status accuracy on recorded agent sessions (bench/status.js)
 *
 * Every server, client and temp folder is removed at the end, on failure, and on Ctrl-C.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { throughput } from './figures/throughput.js';
import { throughputMany } from './figures/throughput-many.js';
import { statusTable } from './status.js';
import { echo } from './figures/echo.js';
import { attachAtScale, firstFrame } from './figures/attach.js';
import { remote } from './figures/remote.js';
import { resources } from './figures/resources.js';
import { parseOptions, runMain, UsageError } from './lib/cli.js';
import { writeColouredLog } from './lib/coloured-log.js';
import { exec } from './lib/exec.js';
import { GROVE_BIN, GroveTool } from './lib/grove-tool.js';
import { judge, markdownTable, writeJson } from './lib/report.js';
import { TmuxTool, tmuxVersion } from './lib/tmux-tool.js';
import { CCMANAGER_VERSION, ccmanagerBinary, CcmanagerTool } from './lib/ccmanager-tool.js';
import { Workspace } from './lib/workspace.js';
import { WORKLOADS } from './lib/workloads.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const FIGURES = { throughput, 'throughput-4': throughputMany, echo, 'first-frame': firstFrame, resources, attach: attachAtScale, remote };

/** Which commit of grove ran: GROVE_COMMIT if set (a build outside git), else its checkout's HEAD. */
async function groveCommit() {
  if (process.env.GROVE_COMMIT) return process.env.GROVE_COMMIT;
  const root = join(GROVE_BIN, '../..');
  const head = await exec('git', ['-C', root, 'rev-parse', '--short', 'HEAD']).catch(() => 'unknown');
  const dirty = await exec('git', ['-C', root, 'status', '--porcelain', '--', 'src']).catch(() => '');
  return `${head.trim()}${dirty.trim() ? ' (with uncommitted changes)' : ''}`;
}

/** The tools to compare: grove, tmux, and ccmanager when it can be had. */
async function toolsToRun() {
  const found = await ccmanagerBinary().then(() => true, (err) => {
    process.stderr.write(`bench: ccmanager left out: ${err.message.split('\n')[0]}\n`);
    return false;
  });
  return found ? [GroveTool, TmuxTool, CcmanagerTool] : [GroveTool, TmuxTool];
}

async function machine(tools) {
  const grove = JSON.parse(readFileSync(join(GROVE_BIN, '../../package.json'), 'utf8')).version;
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    tmux: await tmuxVersion(),
    ...(tools.includes(CcmanagerTool) ? { ccmanager: `ccmanager ${CCMANAGER_VERSION}` } : {}),
    grove,
    grove_commit: await groveCommit(),
    // Other work on the machine shows up in the tails (p99) first; this says how busy it was.
    load_average_at_start: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

async function main() {
  const { values } = parseOptions({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
  const mode = values.quick ? 'quick' : 'full';
  const params = WORKLOADS[mode];
  // Status accuracy is grove's alone (tmux has no status to compare), so it has its own table.
  if (values.only === 'status') return void process.stdout.write(`${await statusTable()}\n`);
  const chosen = values.only ? values.only.split(',') : Object.keys(FIGURES);
  for (const name of chosen) if (!FIGURES[name]) throw new UsageError(`unknown figure '${name}' (${Object.keys(FIGURES).join(', ')})`);
  if (!existsSync(join(GROVE_BIN, '../../dist/bundle/grove.cjs'))) throw new UsageError('grove is not built: run `npm run build` first');
  await tmuxVersion().catch(() => {
    throw new UsageError('tmux is not installed (apt-get install tmux)');
  });

  const workspace = new Workspace();
  let cleaning;
  const cleanUp = () => (cleaning ??= workspace.dispose());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, cleaning up\n`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  const deadline = setTimeout(() => {
    process.stderr.write(`bench: gave up after ${params.deadlineMs / 60_000} minutes, cleaning up\n`);
    void cleanUp().finally(() => process.exit(1));
  }, params.deadlineMs);
  deadline.unref();

  const started = Date.now();
  const progress = (line) => process.stderr.write(`  [${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
  try {
    const tools = await toolsToRun();
    const info = await machine(tools);
    process.stderr.write(`bench (${mode}): grove ${info.grove} vs ${[info.tmux, info.ccmanager].filter(Boolean).join(' and ')}, ${info.nproc} CPUs, ${info.memory_gb} GB, node ${info.node}\n`);
    const logPath = join(workspace.folder('log-'), 'coloured.log');
    writeColouredLog(logPath, params.logMB * 1024 * 1024);
    const context = { workspace, params, logPath, tools, progress };
    let entries = {};
    for (const name of chosen) entries = { ...entries, ...(await FIGURES[name](context)) };
    const names = tools.map((Tool) => Tool.toolName);
    const judged = judge(entries, { quick: mode === 'quick', tools: names });
    const table = markdownTable(judged, params, names);
    const result = {
      date: new Date().toISOString(),
      mode,
      machine: info,
      workload: params,
      terminal: '120x40',
      tools: names,
      note: "memory and CPU count each tool's server and attached client (ccmanager: its one process); the shells inside the sessions are excluded for all",
      load_average_at_end: os.loadavg().map((load) => Math.round(load * 100) / 100),
      figures: judged,
      table,
    };
    writeJson(join(ROOT, 'bench/results/latest.json'), result);
    process.stdout.write(`${table}\n\nMemory and CPU: server + client processes of each tool (ccmanager: its one process); the shells in the sessions are excluded for all.\n`);
    process.stderr.write(`bench: done in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote bench/results/latest.json\n`);
  } finally {
    await cleanUp();
  }
}

runMain('bench', main);
