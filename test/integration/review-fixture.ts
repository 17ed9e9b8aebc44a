/**
 * A ReviewService over a real session host, with the real git, files and repository lookup the server
 * uses (src/server/review/wiring.ts: checks run by sh, too) and the default review settings, which a test may
 * override in part.
 */
import { DEFAULT_CONFIG } from '../../src/core/config/config.js';
import { reviewSettingsFrom, type ReviewSettings } from '../../src/core/review/settings.js';
import { SimpleGitPort } from '../../src/io/git.js';
import { nodeWorktreeFiles } from '../../src/io/git-files.js';
import { repositoryOf } from '../../src/io/repository.js';
import { runCheck } from '../../src/io/check-run.js';
import type { LocalSessionHost } from '../../src/server/local-host.js';
import { ReviewService, type ReviewServiceOptions } from '../../src/server/review/review-service.js';

export interface ReviewFixtureOptions {
  readonly settings?: Partial<ReviewSettings>;
  readonly log?: (line: string) => void;
  readonly endWithinMs?: number;
}

export function reviewServiceFor(host: LocalSessionHost, options: ReviewFixtureOptions = {}): ReviewService {
  const serviceOptions: ReviewServiceOptions = {
    host,
    git: new SimpleGitPort(),
    files: nodeWorktreeFiles,
    settings: async () => ({ ...reviewSettingsFrom(DEFAULT_CONFIG, undefined), ...options.settings }),
    repositoryOf,
    log: options.log ?? (() => undefined),
    runCheck: (cwd, command) => runCheck(cwd, command, process.env, 60_000),
    ...(options.endWithinMs !== undefined ? { endWithinMs: options.endWithinMs } : {}),
  };
  return new ReviewService(serviceOptions);
}
