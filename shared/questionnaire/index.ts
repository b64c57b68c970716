// The clarification questionnaire in one import: its schema, the answers and what they become.
export * from './localized-text.ts';
export * from './schema.ts';
export * from './validate.ts';
export * from './questions.ts';
export * from './answers.ts';
export * from './criteria-exchange.ts';
export * from './easy-read.ts';
export * from './version-mapping.ts';
