/** Types of the part of scenario.js the tests import. */
export declare function alternate<R>(
  tools: ReadonlyArray<{ readonly toolName: string }>,
  rounds: number,
  once: (tool: { readonly toolName: string }, round: number) => Promise<R>,
  say?: (line: string) => void,
): Promise<Record<string, R[]>>;
