/**
 * The configuration file, as users write it: `~/.config/grove/config.json` and a repository's
 * `.grove/config.json` have this one shape, and every field is optional (defaults.ts has the values a
 * missing field takes). The JSON schema shipped for editors is generated from this (json-schema.ts).
 *
 * Checks that need to know what exists — which themes, commands and agents — are not here but in
 * load.ts, because the schema cannot know them and must not hard-code them.
 */
import { z } from 'zod';
import { parseKeySpec } from '../keys/keyspec.js';
import { agentProfileSchema, approvalModeSchema } from './agent-schema.js';
import { nearestName } from './suggest.js';

const keySpecSchema = z
  .string()
  .superRefine((spec, context) => {
    const parsed = parseKeySpec(spec);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.error });
  })
  .describe('A key as tmux writes it: "c", "C-a", "M-x", "S-Left", "F5", "Space"');

const bindingSchema = z
  .union([keySpecSchema, z.array(keySpecSchema), z.null()], { error: 'expected a key like "C-a", a list of keys, or null to unbind' })
  .describe('The key or keys for this command, replacing its default keys; null (or []) unbinds it');

const keysSchema = z
  .object({
    prefix: keySpecSchema.optional().describe('The prefix key (default "C-b"); pressing it twice sends it to the pane'),
    root: z
      .record(z.string(), bindingSchema)
      .optional()
      .describe('Keys that work without the prefix, by command, like tmux\'s bind -n'),
    'copy-mode-vi': z
      .record(z.string(), bindingSchema.describe('The key or keys for this copy action, replacing its default keys; null (or []) unbinds it'))
      .optional()
      .describe('Keys in copy mode, by copy action, like tmux\'s copy-mode-vi table: "cancel": ["q", "x"], "cursor-up": null'),
  })
  .catchall(bindingSchema)
  .describe('Key bindings by command, pressed after the prefix: "kill-session": ["x", "X"], "zoom": null, "select-session 1": "!"');

/** Placeholders a commit message template may use. */
export const COMMIT_MESSAGE_FIELDS = ['session', 'agent', 'branch', 'turn', 'prompt'] as const;

const commitMessageSchema = z.string().superRefine((template, context) => {
  for (const [, name] of template.matchAll(/\{([^{}]*)\}/gu)) {
    if ((COMMIT_MESSAGE_FIELDS as readonly string[]).includes(name!)) continue;
    const nearest = nearestName(name!, COMMIT_MESSAGE_FIELDS);
    const hint = nearest ? ` (did you mean {${nearest}}?)` : '';
    const known = COMMIT_MESSAGE_FIELDS.map((field) => `{${field}}`).join(' ');
    context.addIssue({ code: 'custom', message: `unknown placeholder {${name}}${hint}; known: ${known}` });
  }
});

const relativeGlobSchema = z
  .string()
  .min(1)
  .refine((glob) => !glob.startsWith('/') && !glob.split('/').includes('..'), {
    error: 'expected a path or glob inside the repository (no leading / and no ..)',
  });

const branchPrefixSchema = z
  .string()
  .refine((prefix) => /^[\w./-]*$/u.test(prefix) && !/\.\.|\/\/|^[/-]|\.lock\/|^\./u.test(prefix), {
    error: 'expected a branch name prefix like "grove/"',
  });

const AGENT_NAME = /^[A-Za-z0-9][\w.-]*$/u;

const hostSchema = z.strictObject({
  ssh: z.string().min(1).max(255).regex(/^[^-\s][^\s]*$/u, { error: 'expected what ssh takes as a destination: user@host or a ~/.ssh/config alias' })
    .describe('The ssh destination: user@host, or a Host alias of ~/.ssh/config'),
  grove: z.string().min(1).max(1000).optional().describe('The command that runs grove there, as its shell reads it (default: grove)'),
  cwd: z.string().min(1).max(4096).optional().describe('The folder there that new sessions start in (default: the home folder)'),
});

export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Where editors find this schema'),
    keys: keysSchema.optional(),
    theme: z.string().min(1).optional().describe('A built-in theme or one in <config dir>/themes/<name>.json (grove themes lists them)'),
    defaultAgent: z.string().min(1).optional().describe('The agent new sessions start with'),
    approval: z
      .strictObject({ worktree: approvalModeSchema.optional(), workspace: approvalModeSchema.optional() })
      .optional()
      .describe('The approval mode for agents in worktree sessions and in workspace (shared checkout) sessions'),
    agents: z
      .record(z.string().regex(AGENT_NAME, { error: 'expected letters, digits, ".", "_" or "-"' }), agentProfileSchema)
      .optional()
      .describe('Agent profiles by name: new agents, or overrides of built-in ones'),
    worktree: z
      .strictObject({
        root: z.string().min(1).optional().describe('Folder for new worktrees; relative to the repository root, ~ is home (default: the sibling folder <repo>.worktrees)'),
        branchPrefix: branchPrefixSchema.optional().describe('Prefix of the branch each worktree session gets'),
        copy: z.array(relativeGlobSchema).optional().describe('Files (globs) copied into new worktrees, e.g. ".env"'),
        cleanupAfterMerge: z.boolean().optional().describe('Remove the worktree and its branch once merged'),
        setup: z.array(z.string().min(1).max(4096)).max(50).optional()
          .describe('Shell commands run in a new worktree before its agent starts, in order, e.g. ["npm ci"]; the first that fails stops there'),
      })
      .optional(),
    commits: z
      .strictObject({
        perTurn: z.boolean().optional().describe('Commit the worktree after each agent turn'),
        message: commitMessageSchema.optional().describe('Commit message template: {session} {agent} {branch} {turn} {prompt}'),
      })
      .optional(),
    checkpoints: z
      .strictObject({
        keepDays: z.number().int().min(0).max(3650).optional()
          .describe('Days a workspace session\'s checkpoints are kept after it ends; grove prune offers older ones'),
      })
      .optional(),
    notify: z
      .strictObject({
        bell: z.boolean().optional().describe('Ring the terminal bell when a session starts waiting'),
        desktop: z.boolean().optional().describe('Show a desktop notification when a session starts waiting'),
      })
      .optional(),
    mouse: z.boolean().optional().describe('Click to focus panes and sessions, wheel to scroll'),
    scrollback: z.number().int().min(0).max(1_000_000).optional().describe('Lines of history kept per pane'),
    programClipboard: z
      .boolean()
      .optional()
      .describe('Let programs in panes set your clipboard with OSC 52 (off by default; reading it is always refused)'),
    check: z.string().min(1).max(4096).optional()
      .describe('The command that checks a worktree session\'s work (run by sh in its worktree), e.g. "npm test": grove compare --check, C-b V then t'),
    hosts: z
      .record(z.string().regex(AGENT_NAME, { error: 'expected letters, digits, ".", "_" or "-"' }), hostSchema)
      .optional()
      .describe('Machines whose grove sessions the UI shows beside this one\'s, reached with ssh'),
  })
  .describe('grove configuration');

export type ConfigFile = z.infer<typeof configFileSchema>;
