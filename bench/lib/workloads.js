/**
 * The two workloads: `full`, the sizes, and `quick`, the same figures on smaller inputs so a run
 * fits in under a minute. Figures read their sizes from here, and latest.json records which were used.
 */
export const WORKLOADS = {
  full: {
    logMB: 30, throughputRuns: 5, throughputTimeoutMs: 180_000,
    echoKeys: 500, echoRounds: 4,
    firstFrameRuns: 7,
    memorySteps: [1, 10, 30], cpuSessions: 20, cpuWindowS: 30, settleMs: 2000,
    scaleSessions: 30, scaleLines: 10_000, attachRuns: 5,
    deadlineMs: 20 * 60_000,
  },
  quick: {
    logMB: 3, throughputRuns: 2, throughputTimeoutMs: 30_000,
    echoKeys: 60, echoRounds: 1,
    firstFrameRuns: 3,
    memorySteps: [1, 5], cpuSessions: 5, cpuWindowS: 3, settleMs: 1000,
    scaleSessions: 10, scaleLines: 10_000, attachRuns: 3,
    deadlineMs: 3 * 60_000,
  },
};
