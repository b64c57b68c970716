// Finding one's way in a questionnaire: its questions in order, per theme, and by id. For the
// site's step-by-step form and progress indicator, and for turning answers into criteria.
import type { Question, Questionnaire } from './schema.ts';

/** Every question, theme by theme, in the order the person sees them. */
export function allQuestions(questionnaire: Questionnaire): Question[] {
  return questionnaire.themes.flatMap((theme) => theme.questions);
}

/** The question ids of each theme, in order: one step of the site per theme. */
export function questionIdsByTheme(questionnaire: Questionnaire): Array<{ themeId: string; questionIds: string[] }> {
  return questionnaire.themes.map((theme) => ({ themeId: theme.id, questionIds: theme.questions.map((q) => q.id) }));
}

export function findQuestion(questionnaire: Questionnaire, questionId: string): Question | undefined {
  for (const theme of questionnaire.themes) {
    const found = theme.questions.find((q) => q.id === questionId);
    if (found) return found;
  }
  return undefined;
}
