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
    /** The item as it is now, when the store read it: the 409 shows it, so the editor can compare. */
    readonly current?: unknown,
  ) {
    super(`The ${entity} "${Object.values(ids).join('/')}" was changed by someone else since it was read. Load it again and retry.`);
    this.name = 'VersionConflictError';
  }
}

/** An item asked for by id that is not there, or not the organisation's: answered with 404. */
export class ItemNotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly ids: Readonly<Record<string, string>>,
  ) {
    super(`The ${entity} "${Object.values(ids).join('/')}" does not exist in this organisation.`);
    this.name = 'ItemNotFoundError';
  }
}

/**
 * A new item's id is in use already (at the location, or anywhere for a location): 409 `id_taken`.
 * `at`: the request field that holds the id and what to say there, when a form shows it at the box.
 */
export class IdTakenError extends Error {
  constructor(
    readonly entity: string,
    readonly ids: Readonly<Record<string, string>>,
    readonly at?: { path: string; message: string },
  ) {
    super(at?.message ?? `The id "${Object.values(ids).join('/')}" is taken already. Choose another id.`);
    this.name = 'IdTakenError';
  }
}

/** A location keeps at least one housing form: remove the location instead. 409 `last_housing_form`. */
export class LastHousingFormError extends Error {
  constructor(readonly locationId: string) {
    super(`Housing form is the last one of location "${locationId}". A location keeps at least one: remove the location instead.`);
    this.name = 'LastHousingFormError';
  }
}

/**
 * A change with its audit records needs more writes than one transaction holds (a location with
 * very many housing forms created or removed at once): refused whole, never done half. 409 `change_too_large`.
 */
export class ChangeTooLargeError extends Error {
  constructor(readonly limit: string) {
    super(`This change is too large to make at once: ${limit}`);
    this.name = 'ChangeTooLargeError';
  }
}

/**
 * What let a provider read a shared report no longer holds at the moment of writing (its consent
 * withdrawn, its dossier closed or deleted since the access was judged): nothing was marked. The
 * inbox judges access again, and answers 404 as a read would once it has ended.
 */
export class ShareAccessChangedError extends Error {
  constructor(readonly shareId: string) {
    super(`The access to shared report "${shareId}" ended: its consent was withdrawn or its dossier closed. Nothing was recorded.`);
    this.name = 'ShareAccessChangedError';
  }
}
