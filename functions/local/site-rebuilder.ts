// Keeps the local site following the table while `npm start` runs: the stream poller hands it each
// page of stream records (after the search engine has them), it works out the pages they touch
// (functions/site/affected-pages.ts, the same reading a builder in AWS makes), collects changes for
// a short while (SITE_REBUILD_DEBOUNCE_MS: a burst of edits makes one build) and then builds just
// those pages and swaps them in (rebuildPages). Builds run one at a time: a full build and a
// partial one never write the site's folder together. A failed build keeps its pages pending and
// is tried again later; the old pages stay online meanwhile.
import { performance } from 'node:perf_hooks';
import { errorSummary, log } from '../platform/log.ts';
import { affectedPages, isEmptyChange, mergeChanges, noChange, type SiteChange, type SiteStreamRecord } from '../site/affected-pages.ts';
import { buildSite, rebuildPages, type SiteBuildOptions } from './build-site.ts';

export interface SiteBuildReport {
  kind: 'full' | 'pages';
  /** Addresses built and swapped in (a full build: none listed). */
  built: string[];
  removed: string[];
  ms: number;
}

export interface SiteRebuilderOptions extends SiteBuildOptions {
  apiUrl: string;
  /** How long changes are collected before a build. */
  debounceMs: number;
  /** Wait before a failed build is tried again. */
  retryMs?: number;
  /** Hears every finished build (npm start prints it; the benchmark measures it). */
  onBuilt?: (report: SiteBuildReport) => void;
}

export interface SiteRebuilder {
  /** A full build of the site, after any build under way; `verbose` shows Astro's output (the first build of npm start). */
  buildAll(options?: { verbose?: boolean }): Promise<void>;
  /** Stream records: the pages they touch are built after the debounce. */
  notice(records: Iterable<SiteStreamRecord>): void;
  /** Resolves when nothing is pending or building (tests, the benchmark). */
  settled(): Promise<void>;
  /** Builds nothing more; waits for a build under way. */
  stop(): Promise<void>;
}

const DEFAULT_RETRY_MS = 30_000;

export function createSiteRebuilder(options: SiteRebuilderOptions): SiteRebuilder {
  const { apiUrl, debounceMs, onBuilt, retryMs = DEFAULT_RETRY_MS, ...buildOptions } = options;
  let pending: SiteChange = noChange();
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;

  /** Runs `work` after the builds before it; a failed one does not stop those after it. */
  const enqueue = (work: () => Promise<void>) => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  const schedule = (ms: number) => {
    // The window opens at the first change and is not moved by later ones, so a steady trickle of
    // edits still gets built every debounceMs.
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      const change = pending;
      pending = noChange();
      void enqueue(() => run(change));
    }, ms);
  };

  const run = async (change: SiteChange) => {
    if (stopped || isEmptyChange(change)) return;
    const start = performance.now();
    try {
      if (change.full) {
        await buildSite(apiUrl, buildOptions);
        onBuilt?.({ kind: 'full', built: [], removed: [], ms: performance.now() - start });
      } else {
        const done = await rebuildPages(apiUrl, change, buildOptions);
        onBuilt?.({ kind: 'pages', ...done, ms: performance.now() - start });
      }
    } catch (error) {
      log.error('site rebuilder: the build failed; trying again later', { error: errorSummary(error) });
      pending = mergeChanges(change, pending);
      schedule(retryMs);
    }
  };

  return {
    buildAll({ verbose } = {}) {
      return enqueue(async () => {
        if (stopped) return;
        const start = performance.now();
        await buildSite(apiUrl, { ...buildOptions, ...(verbose === undefined ? {} : { verbose }) });
        onBuilt?.({ kind: 'full', built: [], removed: [], ms: performance.now() - start });
      });
    },
    notice(records) {
      const next = affectedPages(records, pending);
      if (isEmptyChange(next)) return;
      pending = next;
      schedule(debounceMs);
    },
    async settled() {
      for (;;) {
        const current = queue;
        await current;
        if (!timer && isEmptyChange(pending) && queue === current) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await queue.catch(() => undefined);
    },
  };
}
