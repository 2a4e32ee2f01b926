// Reloads in `shopplan dev` run one at a time, and a burst of edits costs at most one more run: requests
// that arrive while a run is going are gathered into the next one, which therefore always sees the latest
// state of the files. A run that fails is reported and the next request runs again — nothing is left
// pending, nothing rejects unhandled. Each run is told which files changed since the one before, so an
// incremental reload can later redo only what they touch, and whether it is already stale (asked for
// again meanwhile), so it can skip showing a state that is known to be outdated.
export interface LatestWins {
  /** Asks for a run, because `file` changed (or for no particular file): the run going, if any, is stale. */
  request(file?: string): void;
  /**
   * Asks for one more run after the one going, if any, without making it stale: to read the files again
   * in case a change went unreported (it still shows what it read, the next run shows any difference).
   */
  recheck(): void;
  /** Resolves when no run is going or asked for. */
  settled(): Promise<void>;
}

export interface RunContext {
  /** Files that changed since the run before. */
  changed: ReadonlySet<string>;
  /** True once another run has been asked for by a change: what this one computes is already outdated. */
  stale(): boolean;
}

export function latestWins(run: (context: RunContext) => Promise<void>, onError: (error: unknown) => void): LatestWins {
  let changed = new Set<string>();
  let asked = false;
  let superseded = false;
  let running: Promise<void> | null = null;
  const loop = async () => {
    while (asked) {
      asked = false;
      superseded = false;
      const batch = changed;
      changed = new Set();
      try {
        await run({ changed: batch, stale: () => superseded });
      } catch (error) {
        try {
          onError(error);
        } catch {
          // A failing report must not stop the reloads.
        }
      }
    }
    running = null;
  };
  return {
    request(file) {
      if (file !== undefined) changed.add(file);
      asked = true;
      superseded = true;
      running ??= loop();
    },
    recheck() {
      asked = true;
      running ??= loop();
    },
    settled: async () => {
      while (running) await running;
    },
  };
}
