// Ids for the open-data export. HSDS wants UUIDs, our records have slugs: a name-based UUID
// (RFC 9562 version 5: SHA-1 of a namespace and a name) gives every record the same id in every
// export, so a re-user can follow a location or a housing form from one download to the next.
import { createHash } from 'node:crypto';

/** Woonwijzer's own namespace: fixed once; changing it changes every id ever published. */
export const WOONWIJZER_NAMESPACE = '15cf5773-90ca-4968-9e2c-d688eb1309c7';

const HEX_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version-5 UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = WOONWIJZER_NAMESPACE): string {
  if (!HEX_UUID.test(namespace)) throw new Error(`Not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of one record: its kind and the slugs that name it, e.g. stableId('service', 'loc-1', 'hf-2'). */
export function stableId(kind: string, ...slugs: string[]): string {
  return uuidV5([kind, ...slugs].join('/'));
}
