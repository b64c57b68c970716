// The errors a store port throws, whatever the database behind it: the API maps each to one HTTP
// answer, the import to its field errors.

/** Thrown for a paging cursor that this store did not hand out. */
export class BadCursorError extends Error {
  constructor() {
    super('The cursor is not valid. Start again from the first page.');
    this.name = 'BadCursorError';
  }
}

/** A location id that another organisation already uses. */
export class IdConflictError extends Error {
  constructor(
    readonly locationId: string,
    readonly ownerOrganizationId: string,
  ) {
    super(`Location id "${locationId}" belongs to organisation "${ownerOrganizationId}".`);
    this.name = 'IdConflictError';
  }
}

/**
 * A versioned write found another version than the one it was based on: someone else changed
 * (or created, or removed) the item since it was read. Answered with 409; reading again and
 * retrying resolves it.
 */
export class VersionConflictError extends Error {
  constructor(
    /** The kind of item, e.g. "organization" or "housingForm". */
    readonly entity: string,
    /** The ids that name the item, e.g. { locationId, housingFormId }. */
    readonly ids: Readonly<Record<string, string | number>>,
    /** The version the write expected; undefined when it expected no item at all (a create). */
    readonly expectedVersion: number | undefined,
  ) {
    super(`The ${entity} "${Object.values(ids).join('/')}" was changed by someone else since it was read. Load it again and retry.`);
    this.name = 'VersionConflictError';
  }
}
