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

const KIND_NL: Readonly<Record<string, string>> = {
  string: 'tekst', number: 'getal', int: 'heel getal', boolean: 'ja of nee', array: 'lijst', object: 'groep velden',
};

/** The same problem in B1 Dutch, for the staff routes whose users read Dutch (the supporters'). */
function dutchMessageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    // Our own rules word their messages themselves, in Dutch.
    case 'custom':
      return issue.message;
    case 'invalid_type':
      return issue.message.endsWith('received undefined')
        ? 'Dit veld is verplicht.'
        : `Hier hoort een ${KIND_NL[issue.expected] ?? 'andere waarde'}.`;
    case 'invalid_value':
      return `Onbekende waarde. Kies uit: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Onbekend veld: ${issue.keys.join(', ')}. Controleer de spelling.`;
    case 'too_big':
      if (issue.origin === 'string') return `Te lang: hoogstens ${String(issue.maximum)} tekens.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Te veel: hoogstens ${String(issue.maximum)}.`;
      return `Te groot: hoogstens ${String(issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Vul dit veld in.' : `Te kort: minstens ${String(issue.minimum)} tekens.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Te weinig: minstens ${String(issue.minimum)}.`;
      return `Te klein: minstens ${String(issue.minimum)}.`;
    case 'invalid_format':
      return 'Dit heeft niet de goede vorm.';
    default:
      return 'Deze waarde kan niet.';
  }
}

/** Field errors with Dutch messages (see dutchMessageOf). */
export function toDutchFieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  return error.issues.map((issue) => ({ path: fieldPath([...prefix, ...issue.path]), message: dutchMessageOf(issue) }));
}
