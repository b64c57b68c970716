// The domain model in one import.
export * from './codes.ts';
export * from './primitives.ts';
export * from './listing.ts';
export * from './photos.ts';
export * from './region.ts';
export * from './criteria.ts';
export * from './scope.ts';
export * from './views.ts';
export * from './field-errors.ts';
export * from './search.ts';
export * from './compare.ts';
export * from './waiting-list-age.ts';
export {
  CODED_FACTS, CODED_FACT_FIELDS, CODE_CRITERIA, CRITERIA, CRITERION_NAMES, FEATURES, FLAG_CRITERIA, FLAG_FIELDS, HOUSING_FORM_FLAG_FIELDS,
  LOCATION_FLAG_FIELDS, NUMBER_CRITERIA, SINGLE_VALUED_CRITERIA, SMALL_SCALE_MAX_GROUP_SIZE, VALUE_CRITERIA,
  codedFact, criterionRead, isFlagCriterion, type CodedFactField, type CodedFacts, type CodeCriterionName, type CriterionName, type CriterionRead, type Feature, type FeatureName,
  type FlagCriterionName, type FlagField, type FlagFilterName, type HousingFormFlagField, type LocationFlagField, type NumberCriterionName,
  type ValueCriterionName,
} from './criterion-registry.ts';
export * from './provider-attention.ts';
export * from './dossier.ts';
