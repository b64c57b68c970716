// One way to turn validation problems into the API's field errors: a dotted path and a message
// a person fixing a listing file can act on.
import type { z } from 'zod';
import type { FieldError } from './views.ts';

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(document)' : path.map(String).join('.');
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return `This field is required (a ${issue.expected}).`;
  }
  if (issue.code === 'invalid_value' && issue.values.length > 1) {
    return `Unknown code. Use one of: ${issue.values.map(String).join(', ')}.`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}. Check the spelling.`;
  }
  return issue.message;
}

export function toFieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  return error.issues.map((issue) => ({ path: fieldPath([...prefix, ...issue.path]), message: messageOf(issue) }));
}
