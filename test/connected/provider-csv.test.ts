// A large provider's CSV round trip over DynamoDB Local, as its editor meets it: download the
// housing forms, change cells in a spreadsheet, see the dry run row by row, apply it all or nothing
// (with an audit record per housing form); a file with one bad row changes nothing and names its
// line and column; a row based on an older export is refused, not written over a colleague's change.
import { beforeEach, describe, expect, it } from 'vitest';
import { CSV_HEADERS } from '../../functions/listings/housing-form-csv.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { base, createProviderTestApp, formPath, HF, HF2, LOC, type ProviderTestApp } from '../support/test-provider-app.ts';

let clock: ReturnType<typeof movableClock>;
let t: ProviderTestApp;

beforeEach(async () => {
  clock = movableClock('2026-11-20T12:00:00Z');
  t = await createProviderTestApp({ clock });
});

const exportCsv = async (cookie = t.people.editor) => {
  const res = await t.send('GET', `${base}/housing-forms/csv`, undefined, cookie);
  expect(res.status).toBe(200);
  return res;
};

/** Sets a cell of the data row for `housingFormId` at LOC, as a person edits it in a spreadsheet (semicolons, no quoted line breaks). */
function setCell(csv: string, housingFormId: string, header: string, value: string): string {
  const lines = csv.split('\r\n');
  const at = lines.findIndex((line) => line.split(';')[0] === LOC && line.split(';')[1] === housingFormId);
  expect(at).toBeGreaterThan(0);
  const cells = (lines[at] as string).split(';');
  cells[CSV_HEADERS.indexOf(header)] = value;
  lines[at] = cells.join(';');
  return lines.join('\r\n');
}

const plan = async (csv: string) => (await t.send('POST', `${base}/housing-forms/csv/plan`, { csv }, t.people.editor)).json();
const apply = (csv: string) => t.send('POST', `${base}/housing-forms/csv/apply`, { csv }, t.people.editor);
const history = async (housingFormId: string) =>
  ((await (await t.send('GET', `${formPath(LOC, housingFormId)}/history`, undefined, t.people.editor)).json()) as { changes: Array<{ action: string; by: { name: string } }> }).changes;

describe('the housing forms as CSV', () => {
  it('downloads a file for Dutch Excel with every housing form and its version', async () => {
    const res = await exportCsv();
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="zorggroep-test-woonvormen-2026-11-20.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    // The byte-order mark tells Excel the file is UTF-8 (a text() read would hide it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('locationId;id;name;')).toBe(true);
    // Three housing forms: two at De Linde, one at Het Anker; each at version 1.
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.endsWith(';1')).toBe(true);
    // Refused for anybody else.
    expect((await t.send('GET', `${base}/housing-forms/csv`, undefined, t.people.otherEditor)).status).toBe(403);
    expect((await t.send('GET', `${base}/housing-forms/csv`)).status).toBe(401);
  });

  it('round trip: the dry run says what each row changes, applying writes it with its history, a second apply changes nothing', async () => {
    const original = await (await exportCsv()).text();
    let edited = setCell(original, HF, 'waitingList.status', 'available');
    edited = setCell(edited, HF, 'waitingList.placesAvailable', '2');
    edited = setCell(edited, HF2, 'pets', 'ja');
    // A new housing form: a row without a version.
    const newRow = setCell(setCell(setCell(edited, HF2, 'id', 'dagopvang'), 'dagopvang', 'name', 'Dagopvang'), 'dagopvang', 'version', '').split('\r\n')
      .find((line) => line.startsWith(`${LOC};dagopvang;`)) as string;
    edited = `${edited.trimEnd()}\r\n${newRow}\r\n`;
    clock.advance(60 * 60 * 1000);

    const dry = await plan(edited);
    expect(dry).toMatchObject({
      ok: true,
      counts: { unchanged: 1, updated: 2, created: 1 },
      changes: expect.arrayContaining([
        expect.objectContaining({ housingFormId: HF2, kind: 'updated', fields: [{ field: 'pets', after: true }] }),
        expect.objectContaining({ housingFormId: 'dagopvang', kind: 'created' }),
      ]),
    });
    const hfChange = (dry as { changes: Array<{ housingFormId: string; fields?: Array<{ field: string }> }> }).changes.find((c) => c.housingFormId === HF);
    expect(hfChange?.fields?.map((f) => f.field)).toEqual(['waitingList.status', 'waitingList.placesAvailable', 'waitingList.updatedAt']);
    // The dry run wrote nothing.
    expect(await history(HF)).toEqual([]);

    const res = await apply(edited);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ counts: { unchanged: 1, updated: 2, created: 1 } });
    const listing = (await (await t.send('GET', base, undefined, t.people.editor)).json()) as {
      locations: Array<{ location: { id: string }; housingForms: Array<{ housingForm: { id: string; pets?: boolean; waitingList: { status: string; updatedAt: string } }; version: number }> }>;
    };
    const forms = listing.locations.find((l) => l.location.id === LOC)?.housingForms ?? [];
    const byId = (id: string) => forms.find((f) => f.housingForm.id === id);
    expect(byId(HF)).toMatchObject({ version: 2, housingForm: { waitingList: { status: 'available', updatedAt: '2026-11-20T13:00:00.000Z' } } });
    expect(byId(HF2)).toMatchObject({ version: 2, housingForm: { pets: true } });
    expect(byId('dagopvang')).toMatchObject({ version: 1 });
    // The match reads the candidate: it holds the new waiting list at once.
    expect((await t.storedForm(LOC, HF))?.candidate).toMatchObject({ waitingList: { status: 'available' } });
    expect(await history(HF)).toEqual([expect.objectContaining({ action: 'updated', by: expect.objectContaining({ name: 'Eva Editor' }) })]);
    expect(await history('dagopvang')).toEqual([expect.objectContaining({ action: 'created' })]);

    // The same file again is based on the old versions now: refused, nothing changed.
    const before = await t.storedListing();
    const again = await apply(edited);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: { code: 'csv_problems', problems: expect.arrayContaining([expect.objectContaining({ field: 'version', column: 'AG' })]) } });
    expect(await t.storedListing()).toEqual(before);
    // A fresh export uploaded unchanged changes nothing.
    expect(await plan(await (await exportCsv()).text())).toMatchObject({ ok: true, counts: { updated: 0, created: 0 } });
  });

  it('a file with one bad row changes nothing and names the line and column', async () => {
    const original = await (await exportCsv()).text();
    let edited = setCell(original, HF2, 'pets', 'ja');
    edited = setCell(edited, HF, 'type', 'kasteel');
    const line = edited.split('\r\n').findIndex((l) => l.startsWith(`${LOC};${HF};`)) + 1;
    const before = await t.storedListing();
    const dry = await plan(edited);
    expect(dry).toEqual({ ok: false, problems: [{ line, column: 'D', field: 'type', message: expect.stringContaining('"kasteel"') }] });
    const res = await apply(edited);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'csv_problems', problems: [{ line, column: 'D', field: 'type' }] } });
    expect(await t.storedListing()).toEqual(before);
  });

  it('reads a comma-separated file without a byte-order mark, as another spreadsheet writes it', async () => {
    const original = await (await exportCsv()).text();
    const comma = setCell(original, HF2, 'groupSize', '9').replace(/^\uFEFF/, '').split('\r\n')
      .map((line) => line.split(';').map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(',')).join('\n');
    const res = await apply(comma);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ counts: { updated: 1 } });
  });

  it('a colleague\'s change after the export is never written over: that row is refused at its version', async () => {
    const original = await (await exportCsv()).text();
    const patched = await t.send('PATCH', `${formPath()}/waiting-list`, { version: 1, waitingList: { status: 'closed' } }, t.people.admin);
    expect(patched.status).toBe(200);
    const res = await apply(setCell(original, HF, 'capacity', '12'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { problems: [expect.objectContaining({ field: 'version', message: expect.stringContaining('after your export') })] } });
    const listing = JSON.stringify(await (await t.send('GET', base, undefined, t.people.editor)).json());
    expect(listing).toContain('"status":"closed"');
  });
});
