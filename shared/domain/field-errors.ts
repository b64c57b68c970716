// One way to turn validation problems into the API's field errors: a dotted path and a message.
import type { z } from 'zod';
import type { FieldError } from './views.ts';

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(document)' : path.map(String).join('.');
}

export function toFieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  return error.issues.map((issue) => ({ path: fieldPath([...prefix, ...issue.path]), message: issue.message }));
}
