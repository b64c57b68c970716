// Captures everything the process writes to stdout and stderr while a test runs (the logger's
// JSON lines, EMF metric lines, stray console output), and keeps it off the test report. The
// logger and Metrics write through a Console of their own on these streams; the global console
// is captured apart, since vitest routes it to its reporter rather than to the streams.
import { format } from 'node:util';
import { vi } from 'vitest';
import { metrics } from '../../functions/platform/metrics.ts';

export interface CapturedOutput {
  /** All that was written, stdout and stderr interleaved in order. */
  text(): string;
  /** The lines that parse as JSON objects (log lines, EMF lines). */
  jsonLines(): Array<Record<string, unknown>>;
  restore(): void;
}

export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const swallow = (chunk: unknown, ...rest: unknown[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(swallow),
    vi.spyOn(process.stderr, 'write').mockImplementation(swallow),
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void chunks.push(`${format(...args)}\n`)),
    ),
  ];
  return {
    text: () => chunks.join(''),
    jsonLines: () =>
      chunks
        .join('')
        .split('\n')
        .flatMap((line) => {
          try {
            const parsed: unknown = JSON.parse(line);
            return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? [parsed as Record<string, unknown>] : [];
          } catch {
            return [];
          }
        }),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/**
 * The metrics recorded since the last call, by name (each a list of values), then cleared.
 * Metrics are off outside Lambda, but Powertools keeps what is recorded until a flush.
 */
export function takeMetrics(): Record<string, number[]> {
  if (!metrics.hasStoredMetrics()) return {};
  const emf = metrics.serializeMetrics() as unknown as Record<string, unknown> & {
    _aws: { CloudWatchMetrics: Array<{ Metrics: Array<{ Name: string }> }> };
  };
  metrics.clearMetrics();
  const names = emf._aws.CloudWatchMetrics.flatMap((m) => m.Metrics.map((d) => d.Name));
  return Object.fromEntries(names.map((name) => [name, ([] as number[]).concat(emf[name] as number | number[])]));
}
