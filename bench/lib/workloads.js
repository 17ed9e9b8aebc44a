/**
 * The two workloads: `full`, the sizes, and `quick`, the same figures on smaller inputs so a run
 * fits in under a minute. Figures read their sizes from here, and latest.json records which were used.
 *
 * Run counts are set by the noise of a shared two-core machine: one `cat` of 30 MB takes either tool
 * anywhere from 1.2 to 2 s, so five runs a side left the throughput ratio to chance (0.90 to 1.12 on the
 * same build); nine make its median hold still.
 *
 * Memory is read `settleMs` after the last session was made or the client showed its screen: an idle
 * figure, once each tool has had time to give back what the burst of starting took (grove's threads
 * return memory after 2 s of quiet, a collection and a trim a second later; read at 2 s, the figure
 * caught some threads before and some after).
 */
export const WORKLOADS = {
  full: {
    logMB: 30, throughputRuns: 9, throughputTimeoutMs: 180_000,
    echoKeys: 500, echoRounds: 4,
    firstFrameRuns: 9,
    memorySteps: [1, 10, 30], cpuSessions: 20, cpuWindowS: 30, settleMs: 5000,
    scaleSessions: 30, scaleLines: 10_000, attachRuns: 5,
    deadlineMs: 40 * 60_000,
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
