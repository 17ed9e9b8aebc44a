/**
 * The configuration grove runs with: every setting present, after defaults, the user's file and the
 * repository's file have been laid over each other in that order.
 *
 * Files are merged setting by setting (merge.ts), so a repository can change one key binding or one
 * field of an agent profile without restating the rest. Lists replace rather than append: a repository
 * that sets worktree.copy means exactly those files. `origins` remembers which file set what, so a
 * problem found after merging is still reported against the file that caused it.
 */
import { DEFAULT_PREFIX, type KeyTableName } from '../keymap/bindings.js';
import type { Isolation } from '../session/session.js';
import type { ApprovalMode } from '../agents/profile.js';
import type { AgentProfileConfig } from './agent-schema.js';
import type { ConfigFile } from './schema.js';

/** Key overrides of one key table: command line (`"select-session 1"`) or copy action → key specs; [] unbinds. */
export type KeyOverrides = Readonly<Record<string, readonly string[]>>;

/** A machine whose grove the UI reaches over ssh (`ssh SSH GROVE proxy`). */
export interface HostConfig {
  readonly ssh: string;
  /** The remote command that runs grove, as the remote shell reads it. */
  readonly grove: string;
  /** Where new sessions there start; the remote home folder when absent. */
  readonly cwd?: string;
}

export interface GroveConfig {
  readonly keys: {
    readonly prefix: string;
    readonly overrides: Readonly<Record<KeyTableName, KeyOverrides>>;
  };
  readonly theme: string;
  readonly defaultAgent: string;
  readonly approval: Readonly<Record<Isolation, ApprovalMode>>;
  readonly agents: Readonly<Record<string, AgentProfileConfig>>;
  readonly worktree: {
    /** Folder for new worktrees; undefined: the sibling folder `<repo>.worktrees`, outside the checkout. */
    readonly root: string | undefined;
    readonly branchPrefix: string;
    readonly copy: readonly string[];
    readonly cleanupAfterMerge: boolean;
    /** Run by sh in a new worktree before its agent starts (core/review/setup.ts). */
    readonly setup: readonly string[];
  };
  readonly commits: { readonly perTurn: boolean; readonly message: string };
  /** How long a workspace session's checkpoints outlive it before prune offers them (core/checkpoints). */
  readonly checkpoints: { readonly keepDays: number };
  readonly notify: { readonly bell: boolean; readonly desktop: boolean };
  readonly mouse: boolean;
  readonly scrollback: number;
  /** Programs in panes may set the user's clipboard (OSC 52). */
  readonly programClipboard: boolean;
  /** What checks a variant's work (`npm test`), run by sh in its worktree; none when absent. */
  readonly check: string | undefined;
  /** Other machines' grove servers, reached with ssh (client/hosts), by the name the sidebar shows. */
  readonly hosts: Readonly<Record<string, HostConfig>>;
  /** Which file set each setting, by formatted path (`keys.zoom`); a setting not listed is a default. */
  readonly origins: ReadonlyMap<string, string>;
}

export const DEFAULT_CONFIG: GroveConfig = {
  keys: { prefix: DEFAULT_PREFIX, overrides: { prefix: {}, root: {}, 'copy-mode-vi': {} } },
  theme: 'default',
  defaultAgent: 'claude',
  // A worktree session cannot touch the checkout, so its agent need not ask before it acts.
  approval: { worktree: 'bypass', workspace: 'default' },
  agents: {},
  worktree: { root: undefined, branchPrefix: 'grove/', copy: ['.env', '.env.*'], cleanupAfterMerge: false, setup: [] },
  commits: { perTurn: true, message: 'grove: {session} turn {turn}' },
  checkpoints: { keepDays: 7 },
  notify: { bell: true, desktop: false },
  mouse: true,
  scrollback: 10_000,
  programClipboard: false,
  check: undefined,
  hosts: {},
  origins: new Map(),
};

function normaliseBindings(entries: Record<string, string | readonly string[] | null | undefined>): KeyOverrides {
  const out: Record<string, readonly string[]> = {};
  for (const [target, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    out[target] = value === null ? [] : typeof value === 'string' ? [value] : value;
  }
  return out;
}

/** Fills every setting a (merged) file leaves out with its default. */
export function withDefaults(file: ConfigFile, origins: ReadonlyMap<string, string>): GroveConfig {
  const d = DEFAULT_CONFIG;
  const { prefix, root, 'copy-mode-vi': copyMode, ...prefixTable } = file.keys ?? {};
  return {
    keys: {
      prefix: prefix ?? d.keys.prefix,
      overrides: {
        prefix: normaliseBindings(prefixTable),
        root: normaliseBindings(root ?? {}),
        'copy-mode-vi': normaliseBindings(copyMode ?? {}),
      },
    },
    theme: file.theme ?? d.theme,
    defaultAgent: file.defaultAgent ?? d.defaultAgent,
    approval: { ...d.approval, ...file.approval },
    agents: file.agents ?? d.agents,
    worktree: { ...d.worktree, ...file.worktree },
    commits: { ...d.commits, ...file.commits },
    checkpoints: { ...d.checkpoints, ...file.checkpoints },
    notify: { ...d.notify, ...file.notify },
    mouse: file.mouse ?? d.mouse,
    scrollback: file.scrollback ?? d.scrollback,
    programClipboard: file.programClipboard ?? d.programClipboard,
    check: file.check ?? d.check,
    hosts: Object.fromEntries(Object.entries(file.hosts ?? {}).map(([name, host]) => [name, { ssh: host.ssh, grove: host.grove ?? 'grove', ...(host.cwd ? { cwd: host.cwd } : {}) }])),
    origins,
  };
}
