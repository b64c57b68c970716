// The typed error for a region an engine does not hold. The API turns it into a 404, so a typo in
// a region id is told apart from a region that simply has no fitting housing forms (an empty
// answer). Both engines should throw this one class; it lives here because the port module
// (search-engine.ts) belongs to the spine.
export class UnknownRegionError extends Error {
  constructor(readonly regionId: string) {
    super(`Region "${regionId}" does not exist.`);
    this.name = 'UnknownRegionError';
  }
}
