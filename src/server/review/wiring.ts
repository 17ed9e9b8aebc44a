/**
 * The server's review service, wired to the real world: git through simple-git, files through node:fs,
 * and each repository's settings read from grove's configuration files (the user's, then the
 * repository's own .grove/config.json) whenever a request needs them.
 */
import { formatConfigError } from '../../core/config/errors.js';
import { reviewSettingsFrom, type ReviewSettings } from '../../core/review/settings.js';
import { loadGroveConfig } from '../../io/config-files.js';
import { SimpleGitPort } from '../../io/git.js';
import { nodeWorktreeFiles } from '../../io/git-files.js';
import { repositoryOf } from '../../io/repository.js';
import { runCheck } from '../../io/check-run.js';
import type { LocalSessionHost } from '../local-host.js';
import { ReviewService } from './review-service.js';
import { GROVE_KNOWLEDGE } from '../../core/config/knowledge.js';

export function reviewServiceFor(host: LocalSessionHost, env: NodeJS.ProcessEnv, log: (line: string) => void): ReviewService {
  return new ReviewService({
    host,
    git: new SimpleGitPort({ env }),
    files: nodeWorktreeFiles,
    settings: (folder) => reviewSettingsIn(env, folder),
    repositoryOf,
    log,
    runCheck: (cwd, command) => runCheck(cwd, command, env, CHECK_TIMEOUT_MS),
  });
}

/** A check that takes longer is stopped, and counts as failed. */
const CHECK_TIMEOUT_MS = 15 * 60_000;

/** The settings for the repository holding `folder`; a broken configuration is refused, never half applied. */
async function reviewSettingsIn(env: NodeJS.ProcessEnv, folder: string): Promise<ReviewSettings> {
  const loaded = await loadGroveConfig({ env, cwd: folder }, GROVE_KNOWLEDGE);
  if (!loaded.ok) {
    const [first] = loaded.errors;
    throw new Error(`${first ? formatConfigError(first) : 'the configuration is invalid'} (grove config check lists every problem)`);
  }
  return reviewSettingsFrom(loaded.value.config, env.HOME);
}
