// The W3C Nu HTML Checker (vnu-jar, on the Java that DynamoDB Local needs anyway) over a folder of
// built pages, its errors as a list a failing test can print: each with its file and message.
// Errors only: warnings are advice, and one JVM start for the whole folder keeps it at seconds.
import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { REPO_ROOT } from '../../functions/platform/paths.ts';

const VNU_JAR = join(REPO_ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

export interface HtmlError {
  /** The page's file, relative to the folder checked (e.g. "regio/rotterdam/vergelijken/index.html"). */
  file: string;
  line?: number;
  message: string;
}

const vnuReport = z.object({
  messages: z.array(z.object({
    type: z.string(),
    url: z.string().optional(),
    lastLine: z.number().optional(),
    message: z.string(),
  })),
});

export async function checkHtml(dir: string): Promise<HtmlError[]> {
  const args = ['-jar', VNU_JAR, '--skip-non-html', '--errors-only', '--format', 'json', '--stdout', dir];
  // vnu exits 1 when it found errors: that is a result, not a failure to run.
  const stdout = await promisify(execFile)('java', args, { maxBuffer: 64 * 1024 * 1024 })
    .then((result) => result.stdout)
    .catch((error: { code?: unknown; stdout?: string; stderr?: string }) => {
      if (error.code === 1 && error.stdout) return error.stdout;
      throw new Error(`the Nu HTML Checker did not run: ${error.stderr || String(error)}`);
    });
  const report = vnuReport.parse(JSON.parse(stdout));
  return report.messages
    // A file the checker could not read is a "non-document-error"; "Cannot recover after last
    // error" only repeats the place of the error before it.
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .filter((message) => !message.message.startsWith('Cannot recover after last error'))
    .map((message) => ({
      file: message.url?.startsWith('file:') ? relative(dir, fileURLToPath(message.url)) : (message.url ?? dir),
      ...(message.lastLine === undefined ? {} : { line: message.lastLine }),
      message: message.message,
    }))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** One line per error, "file:line: message", for a test failure a person can act on. */
export function formatHtmlErrors(errors: HtmlError[]): string {
  return errors.map((error) => `${error.file}${error.line === undefined ? '' : `:${error.line}`}: ${error.message}`).join('\n');
}
