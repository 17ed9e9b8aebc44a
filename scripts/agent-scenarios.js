/**
 * What scripts/record-agents.js records: per scenario, the CLI, its environment and files (a fresh HOME),
 * and its steps. A step with `until` waits for the screen to show it and marks `truth` from that moment
 * (saving the screen as `<truth>-real-<screen>.txt` when named); a step with `keys` presses them, marking
 * `truth` at that moment when given (a prompt submitted is work from the key on).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProfile } from '../dist/core/agents/builtins.js';
import { hookArgs } from '../dist/core/agents/hooks.js';

const claudeSeed = ({ home }) => writeFileSync(join(home, '.claude.json'), JSON.stringify({ hasCompletedOnboarding: true, theme: 'dark' }));
/**
 * An agent's hooks exactly as grove passes them (core/agents/hooks.ts), with grove's program replaced by
 * a shell that appends `EVENT JSON` to `log`: the hook's words are `hook EVENT`, then (Codex) the JSON;
 * Claude Code's JSON comes on stdin.
 */
const hooksFor = (agent) => (log) =>
  hookArgs(findProfile(agent), ['sh', '-c', `{ printf '%s ' "$2"; if [ -n "$3" ]; then printf '%s' "$3"; else tr -d '\\n'; fi; echo; } >> '${log}'`, 'sh']);
const codexSeed = (trusted) => ({ home, project, model }) => {
  mkdirSync(join(home, '.codex'));
  const provider = `model = "gpt-test"\nmodel_provider = "local"\n[model_providers.local]\nname = "local"\nbase_url = "${model.url}/v1"\nwire_api = "responses"\nenv_key = "LOCAL_KEY"\n`;
  const trust = trusted ? `[projects."${project}"]\ntrust_level = "trusted"\n` : '';
  writeFileSync(join(home, '.codex', 'config.toml'), provider + trust);
};
const turnEnded = (reply) => (text) => text.includes(reply) && !/esc to interrupt|…/.test(text.split('\n').slice(-8).join('\n'));

export const SCENARIOS = [
  {
    name: 'claude-turns',
    agent: 'claude',
    command: 'claude',
    seed: claudeSeed,
    hooks: hooksFor('claude'),
    env: (model) => ({ ANTHROPIC_API_KEY: 'sk-ant-recording', ANTHROPIC_BASE_URL: model.url, DISABLE_AUTOUPDATER: '1' }),
    steps: [
      { until: /Yes, I trust this folder/, truth: 'waiting', screen: 'folder-trust', hold: 3000 },
      { keys: '\r' },
      { until: /Do you want to use this API key\?/, truth: 'waiting', screen: 'api-key', hold: 3000 },
      { keys: '\x1b[A' },
      { keys: '\r', delay: 300 },
      { until: /\? for shortcuts|shortcuts/, truth: 'idle', screen: 'ready', hold: 3000 },
      { keys: 'say hello to me' },
      { keys: '\r', delay: 300, truth: 'working' },
      { until: turnEnded('Hello from the model.'), truth: 'idle', screen: 'turn-ended', hold: 4000 },
      { keys: 'please run ls here' },
      { keys: '\r', delay: 300, truth: 'working' },
      { until: /Do you want to proceed\?/, truth: 'waiting', screen: 'bash-permission', hold: 3000 },
      { keys: '1', truth: 'working' },
      { until: turnEnded('Done: the file is made.'), truth: 'idle', hold: 4000 },
    ],
  },
  {
    name: 'codex-turns',
    agent: 'codex',
    command: 'codex',
    seed: codexSeed(true),
    hooks: hooksFor('codex'),
    env: () => ({ LOCAL_KEY: 'recording' }),
    steps: [
      { until: /Ask Codex to do anything/, truth: 'idle', screen: 'ready', hold: 3000 },
      { keys: 'say hello to me' },
      { keys: '\r', delay: 300, truth: 'working' },
      { until: (text) => text.includes('Hello from the model.') && /Worked for/.test(text), truth: 'idle', screen: 'turn-ended', hold: 4000 },
      { keys: 'and once more' },
      { keys: '\r', delay: 300, truth: 'working' },
      { until: (text) => (text.match(/Worked for/g) ?? []).length === 2, truth: 'idle', hold: 4000 },
    ],
  },
  {
    name: 'codex-trust',
    agent: 'codex',
    command: 'codex',
    seed: codexSeed(false),
    env: () => ({ LOCAL_KEY: 'recording' }),
    steps: [
      { until: /Trust this folder\?/, truth: 'waiting', screen: 'folder-trust', hold: 3000 },
      { keys: '\r' },
      { until: /Ask Codex to do anything/, truth: 'idle', hold: 3000 },
    ],
  },
  {
    name: 'codex-sign-in',
    agent: 'codex',
    command: 'codex',
    steps: [{ until: /Press enter to continue/, truth: 'waiting', screen: 'sign-in', hold: 4000 }],
  },
  {
    name: 'gemini-first-run',
    agent: 'gemini',
    command: 'gemini',
    steps: [
      { until: /Do you trust the files in this folder\?/, truth: 'waiting', screen: 'folder-trust', hold: 3000 },
      { keys: '\r' },
      { until: /How would you like to authenticate/, truth: 'waiting', screen: 'authenticate', hold: 3000 },
    ],
  },
  {
    name: 'copilot-first-run',
    agent: 'copilot',
    command: 'copilot',
    steps: [
      { until: /Confirm folder trust/, truth: 'waiting', screen: 'folder-trust', hold: 4000 },
      { keys: '\r' },
      // Not signed in: it asks for /login before anything else.
      { until: /Please use \/login to sign in/, truth: 'waiting', screen: 'login', hold: 4000 },
    ],
  },
  {
    name: 'opencode-ready',
    agent: 'opencode',
    command: 'opencode',
    steps: [{ until: /Ask anything/, truth: 'idle', screen: 'ready', hold: 4000 }],
  },
];
