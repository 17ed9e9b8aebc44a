/**
 * Where agents keep their conversations, for a session that moves to another folder (`grove move`):
 * resuming by id finds a conversation only where the agent looks for it. Codex and Copilot CLI keep
 * theirs in one store for every folder, so the id is enough; Claude Code keeps each under a folder named
 * after the working directory, so the conversation is copied (never moved: the old folder keeps its copy)
 * into the new directory's before the agent is started there.
 */

/** How an agent files its conversations, where that depends on the folder it runs in. */
export type ConversationStore = 'claude-projects';

/**
 * Copies a conversation between folders' stores (io/conversation-files.ts); false when there is none to
 * copy. `env` is the agent's own environment, which says where its store is.
 */
export interface ConversationCarrier {
  carry(store: ConversationStore, id: string, from: string, to: string, env: Readonly<Record<string, string | undefined>>): Promise<boolean>;
}

/** Conversation ids grove copies files for: its own UUIDs, and agents' ids of that shape, never a path. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/u;

export function isSafeConversationId(id: string): boolean {
  return SAFE_ID.test(id);
}

/**
 * Claude Code's file for a conversation: `<config>/projects/<folder>/<id>.jsonl`, the folder being the
 * working directory with every character but an ASCII letter or digit made `-` (read from its sources and
 * confirmed by the tools that find its transcripts; anthropics/claude-code#24067).
 */
export function claudeConversationFile(configDir: string, cwd: string, id: string): string {
  return `${configDir}/projects/${cwd.replace(/[^A-Za-z0-9]/gu, '-')}/${id}.jsonl`;
}
