// The taxonomy the export publishes: one term per criterion of the matcher, and below a coded
// criterion one term per code (the Wlz sectors and care profiles, delivery forms, housing types,
// target groups, worldviews, cultures, communities, languages). Derived from the criterion
// registry and the code lists, never written by hand, so a new criterion or code is in the next
// export; every id is a stable UUID of the term's code, so a term keeps its id between exports.
import {
  CODED_FACTS, CRITERIA, CRITERION_NAMES, type CriterionName, type CriterionRead,
} from '../../shared/domain/criterion-registry.ts';
import { enCriteria } from '../../shared/i18n/en.ts';
import { wishText } from '../../shared/i18n/index.ts';
import { stableId } from './stable-uuid.ts';

export const TAXONOMY_NAME = 'woonwijzer-criteria';
/**
 * Raised when a term's meaning changes (not when terms are added: ids stay). 2: dayActivities
 * means on site or nearby with transport (was on site only, now dayActivitiesOnSite); ageGroup added.
 */
export const TAXONOMY_VERSION = '2';

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  version: string;
  uri?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  parent_id?: string;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
}

/** Where a criterion's fact is kept: on the housing form (an HSDS service) or on its location. */
export type AttributeEntity = 'service' | 'location';

export function criterionEntity(reads: CriterionRead): AttributeEntity {
  if (reads.read === 'flag') return reads.on === 'location' ? 'location' : 'service';
  // listHas reads the location's facilities (the garden).
  return reads.read === 'listHas' ? 'location' : 'service';
}

export const taxonomyId = stableId('taxonomy', TAXONOMY_NAME);
/** A criterion's term, and below a coded one the term of one code. */
export const termCode = (criterion: CriterionName, code?: string) => (code === undefined ? criterion : `${criterion}:${code}`);
export const termId = (criterion: CriterionName, code?: string) => stableId('taxonomy-term', TAXONOMY_NAME, termCode(criterion, code));

export function hsdsTaxonomy(uri?: string): HsdsTaxonomy {
  return {
    id: taxonomyId,
    name: 'Woonwijzer criteria',
    description:
      'What a Wlz care-housing offering (an HSDS service) and its location offer, in the terms of the Woonwijzer matcher: ' +
      'one term per criterion, and below a coded criterion one term per code (Wlz sectors and care profiles, delivery forms, ' +
      'housing types, target groups, worldviews, cultures, communities, ISO 639 languages). An attribute of a coded term ' +
      'has the code as its value; a yes/no term "true" or "false"; an age term (the ages admitted, the residents\' ages) "min-max". A fact the provider did not ' +
      'give has no attribute: unknown is not "false".',
    version: TAXONOMY_VERSION,
    ...(uri ? { uri } : {}),
  };
}

function criterionTerm(criterion: CriterionName): HsdsTaxonomyTerm {
  const declaration = CRITERIA[criterion];
  const where = criterionEntity(declaration.reads) === 'location' ? 'the location' : 'the housing form';
  let name: string;
  let description: string;
  const reads: CriterionRead = declaration.reads;
  if (declaration.kind === 'flag') {
    name = enCriteria.flags[criterion as keyof typeof enCriteria.flags];
    description = reads.read === 'codeIn'
      // A fact answered with a code (day activities: on-site, nearby, none), exported as whether it fits.
      ? `A fact of ${where} answered with one of ${CODED_FACTS[reads.field].codes.join(', ')}: the attribute's value is "true" when it is ${reads.codes.join(' or ')}, else "false".`
      : `A yes/no fact of ${where}: the attribute's value is "true" or "false".`;
  } else if (declaration.kind === 'number') {
    // Who may come (the admission rule) and who lives there (the residents' ages) are two terms.
    const residents = criterion === 'ageGroup';
    name = residents ? `${enCriteria.facts.ageGroup.name} (years)` : 'Age admitted (years)';
    description = residents
      ? `The ages of the residents of ${where} (who lives there, not who may come): the attribute's value is "min-max", an open end left empty (e.g. "65-").`
      : `The ages ${where} takes: the attribute's value is "min-max", an open end left empty (e.g. "18-").`;
  } else {
    name = enCriteria.valueNames[criterion as keyof typeof enCriteria.valueNames];
    description = `A code of ${where}: one term per code below this one; the attribute's value is the code.`;
  }
  return { id: termId(criterion), code: termCode(criterion), name, description, taxonomy: TAXONOMY_NAME, taxonomy_id: taxonomyId, language: 'en' };
}

/** Every term, each criterion followed by its codes, in the registry's order. */
export function hsdsTaxonomyTerms(): HsdsTaxonomyTerm[] {
  return CRITERION_NAMES.flatMap((criterion) => {
    const parent = criterionTerm(criterion);
    const declaration = CRITERIA[criterion];
    const codes: readonly string[] = declaration.kind === 'code' ? declaration.codes : [];
    return [
      parent,
      ...codes.map((code) => ({
        id: termId(criterion, code),
        code: termCode(criterion, code),
        name: wishText('en', { criterion, value: code }),
        description: `${parent.name}: code ${code}.`,
        parent_id: parent.id,
        taxonomy: TAXONOMY_NAME,
        taxonomy_id: taxonomyId,
        language: 'en',
      })),
    ];
  });
}
