// The one check every request of the property tests gets (the hostile input itself comes from
// hostile-input.ts): never a 500, and a refused request leaves the stored state as it was. Used by
// staff-write-properties, supporter-write-properties and share-properties.
import { expect } from 'vitest';

/**
 * Sends the request and checks it is no 500; when refused (4xx), that `state` (what the request
 * must not touch: a table's items, the mails sent) is as it was before. The status.
 */
export async function sendUnchangedIfRefused(state: () => Promise<unknown>, send: () => Response | Promise<Response>, label: string): Promise<number> {
  const before = await state();
  const res = await send();
  expect(res.status, label).toBeLessThan(500);
  if (res.status >= 400) expect(await state(), `${label}: refused with ${res.status}, yet the stored state changed`).toEqual(before);
  return res.status;
}
