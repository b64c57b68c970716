// The event the daily schedule sends the staff function to run the dossiers' retention
// (functions/dossiers/retention.ts): the staff function is the only one that may reach the
// dossier table, so it runs the job itself. An HTTP API event never has a top-level `task`.
export const RETENTION_EVENT = { task: 'dossier-retention' } as const;

export const isRetentionEvent = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && (event as { task?: unknown }).task === RETENTION_EVENT.task;
