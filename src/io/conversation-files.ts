/**
 * node:fs behind the ConversationCarrier port (core/agents/conversations.ts): copies an agent's
 * conversation file into the store of the folder a moved session starts in. Claude Code's store is
 * `$CLAUDE_CONFIG_DIR`, else `~/.claude`, in the agent's own environment. The copy never replaces a file already there, and the
 * conversation's size is bounded (a transcript is text; one larger than this is not grove's to copy).
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { claudeConversationFile, isSafeConversationId, type ConversationCarrier } from '../core/agents/conversations.js';

const MAX_CONVERSATION_BYTES = 512 * 1024 * 1024;

export const nodeConversationCarrier: ConversationCarrier = {
  async carry(store, id, from, to, env) {
    if (store !== 'claude-projects' || !isSafeConversationId(id) || !(env.CLAUDE_CONFIG_DIR || env.HOME)) return false;
    const claudeDir = env.CLAUDE_CONFIG_DIR || join(env.HOME!, '.claude');
    const source = claudeConversationFile(claudeDir, from, id);
    const found = await stat(source).catch(() => undefined);
    if (!found?.isFile() || found.size > MAX_CONVERSATION_BYTES) return false;
    const target = claudeConversationFile(claudeDir, to, id);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await copyFile(source, target, constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    return true;
  },
};
