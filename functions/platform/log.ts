// The one logger: JSON lines on stdout/stderr, which CloudWatch and a terminal both read.
type Fields = Record<string, unknown>;

const serialise = (fields: Fields) =>
  JSON.stringify(fields, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v));

function write(level: 'info' | 'warn' | 'error', message: string, fields: Fields = {}) {
  if (process.env.LOG_LEVEL === 'silent') return;
  const line = serialise({ level, time: new Date().toISOString(), message, ...fields });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};
