/**
 * Where a thread reports work that leaves garbage behind (output parsed, rows moved to a history, frames
 * made or drawn), so that its free memory can go back to the system once that work stops
 * (io/memory-release.ts).
 */
export interface MemoryRelease {
  worked(): void;
}
