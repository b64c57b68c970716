// The domain model in one import.
export * from './codes.ts';
export * from './primitives.ts';
export * from './listing.ts';
export * from './region.ts';
export * from './criteria.ts';
export * from './views.ts';
export * from './field-errors.ts';
export * from './search.ts';
export * from './compare.ts';
