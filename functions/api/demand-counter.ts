// The public API's demand counter: every answered match adds its anonymous counts here, in memory,
// and they reach the statistics table in batches, summed per counter (shared/statistics/demand.ts),
// so a match costs a few map updates and no write of its own. A batch is written when its first
// count is FLUSH_AFTER_MS old or when it holds MAX_COUNTERS counters, at most one write at a time
// (a batch due meanwhile waits for it, and is written next, whole).
//
// When a due batch is written: in a match's own request, after its answer (after-answer.ts), and,
// where a process lives on between requests (the local server), every FLUSH_AFTER_MS by a timer.
// In Lambda, timers do not run between invocations: the entry writes a due batch at the start of
// the next invocation (lambda.ts), so it is sent while that one works.
//
// What can be lost, never added twice: counts still in memory when a process stops without its
// last flush (a Lambda environment reclaimed while idle, a killed server) and a batch whose write
// failed (logged by kind, not retried: a retry of a write that did land could count it twice).
// The statistics undercount, never overcount.
import type { Clock } from '../../shared/clock.ts';
import { CountAccumulator, type MatchCounts } from '../../shared/statistics/demand.ts';
import type { DemandStatisticsWriter } from '../store/demand-statistics-store.ts';
import { reportFailedWork } from './after-answer.ts';

/** A batch is written once its first count is this old. */
export const FLUSH_AFTER_MS = 5_000;
/** ...or once it holds this many counters (ten transactions of 100). */
export const MAX_COUNTERS = 1_000;

export interface DemandCounterOptions {
  flushAfterMs?: number;
  maxCounters?: number;
}

export class DemandCounter {
  private batch = new CountAccumulator();
  /** When the batch's first count was added (the clock's milliseconds); undefined while empty. */
  private firstCountAt: number | undefined;
  private writing: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private readonly flushAfterMs: number;
  private readonly maxCounters: number;

  constructor(private readonly writer: DemandStatisticsWriter, private readonly clock: Clock, options: DemandCounterOptions = {}) {
    this.flushAfterMs = options.flushAfterMs ?? FLUSH_AFTER_MS;
    this.maxCounters = options.maxCounters ?? MAX_COUNTERS;
  }

  /** Adds one answered match's counts to the batch; writes nothing. */
  record(counts: MatchCounts): void {
    this.batch.add(counts);
    this.firstCountAt ??= this.clock.now().getTime();
  }

  /** Whether the batch should be written now: old enough or large enough. */
  get due(): boolean {
    if (this.firstCountAt === undefined) return false;
    return this.batch.size >= this.maxCounters || this.clock.now().getTime() - this.firstCountAt >= this.flushAfterMs;
  }

  /**
   * Writes the batch as it stands. While a write is under way this waits for it and then writes
   * what has come in meanwhile: one write at a time, each counter once per write.
   */
  flush(): Promise<void> {
    if (this.writing) {
      this.next ??= this.writing.catch(() => undefined).then(() => {
        this.next = undefined;
        return this.flush();
      });
      return this.next;
    }
    if (this.firstCountAt === undefined) return Promise.resolve();
    const totals = this.batch.drain();
    this.firstCountAt = undefined;
    this.writing = this.writer.add(totals).finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  /** Writes the batch if it is due; else resolves at once. */
  flushIfDue(): Promise<void> {
    return this.due ? this.flush() : Promise.resolve();
  }

  /** Starts writing a due batch without waiting for it; a failure is logged by its kind. */
  flushIfDueInBackground(): void {
    this.flushIfDue().catch((error: unknown) => reportFailedWork('demand counts', error));
  }

  /**
   * For a long-lived process: checks every `flushAfterMs` whether the batch is due (the timer
   * keeps no process alive). Returns how to stop, which writes what is left.
   */
  flushPeriodically(): () => Promise<void> {
    const timer = setInterval(() => this.flushIfDueInBackground(), this.flushAfterMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await this.flush();
    };
  }
}
