// Benchmark of the staff side (`npm run bench:staff`), printed as figures, never asserted: the
// sign-in round trip (ask for a code, sign in with it) and a housing-form save (the waiting-list
// update, with its audit record and derived data) over HTTP on loopback against DynamoDB Local,
// and the CSV dry run of 1,000 housing forms (read the file, plan the changes). DynamoDB Local
// is far slower per call than DynamoDB in AWS, so the round trips here are an upper bound.
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { CODE_ANSWER_FLOOR_MS } from '../functions/accounts/sign-in.ts';
import { createStaffApp } from '../functions/api/staff/app.ts';
import { planHousingFormChanges, type StoredHousingForm } from '../functions/listings/housing-form-csv-plan.ts';
import { importListing } from '../functions/listings/import-listing.ts';
import { loadRegions } from '../functions/listings/seed-demo.ts';
import { readHousingFormsCsv, writeHousingFormsCsv } from '../functions/listings/housing-form-csv.ts';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import type { Mail } from '../functions/platform/mail.ts';
import { LocalPhotoStorage } from '../functions/photos/local-photo-storage.ts';
import { createDynamoDbClient, dynamoDbStores } from '../functions/store/create-store.ts';
import { ensureTable } from '../functions/store/dynamodb/ensure-table.ts';
import { HousingFormSchema, type HousingForm } from '../shared/domain/index.ts';

const SIGN_INS = 100;
const SAVES = 100;
const CSV_ROWS = 1000;
const CSV_RUNS = 20;

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
  return `p50 ${at(50).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms (n=${samples.length})`;
}

async function benchStaffApi(): Promise<{ signIn: string; save: string }> {
  const db = await startDynamoDbLocal({ mode: 'memory' });
  const server = { close: () => undefined as unknown };
  try {
    const client = createDynamoDbClient({ DYNAMODB_ENDPOINT: db.endpoint, AWS_REGION: 'eu-west-1' });
    await ensureTable(client, 'bench');
    const stores = dynamoDbStores(client, 'bench');
    await loadRegions(stores.regions);
    const codes = new Map<string, string>();
    // A clock a day on per sign-in, so the throttles (rightly) never hold the benchmark back
    // (sign-in tries are counted per address and day).
    let now = Date.parse('2026-12-01T08:00:00Z');
    const app = createStaffApp({
      ...stores,
      siteUrl: 'http://127.0.0.1',
      mailer: { send: async (mail: Mail) => void codes.set(mail.to, /^ {4}([0-9]{6})$/m.exec(mail.text)?.[1] ?? '') },
      clock: { now: () => new Date(now) },
      // No photo is sent here: a folder that is never written.
      photos: new LocalPhotoStorage(join(tmpdir(), 'woonwijzer-bench-photos')),
      secret: randomBytes(32),
      clientAddress: () => '127.0.0.1',
      // The work itself is measured; people wait at least the floor on top (printed below).
      codeAnswerFloorMs: 0,
    });
    const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    server.close = () => listening.close();
    await new Promise((resolve) => listening.once('listening', resolve));
    const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    const email = 'redactie@bench.example';
    await stores.accounts.createAccount({ id: randomUUID(), email, name: 'Bench', createdAt: new Date(now).toISOString() }, [
      { role: 'provider-editor', organizationId: 'bench-zorg' },
    ]);
    const post = (path: string, body: unknown, method = 'POST', cookie?: string) =>
      fetch(`${base}/api${path}`, {
        method,
        headers: { origin: base, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const samples: number[] = [];
    let cookie = '';
    for (let i = 0; i < SIGN_INS + 5; i++) {
      now += 24 * 60 * 60 * 1000;
      const start = performance.now();
      const asked = await post('/auth/code', { email });
      const signedIn = await post('/auth/sign-in', { email, code: codes.get(email) });
      const took = performance.now() - start;
      if (asked.status !== 202 || signedIn.status !== 200) throw new Error(`Sign-in failed: ${asked.status}, ${signedIn.status}`);
      cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      if (i >= 5) samples.push(took);
    }

    // A location of 12 housing forms, as a middle-sized provider has; one of them saved again and again.
    const forms = Array.from({ length: 12 }, (_, i) => ({
      id: `woonvorm-${i}`, name: `Woonvorm ${i}`, type: 'small-scale-group', sectors: ['VV'], careProfiles: ['5VV'],
      waitingList: { status: 'short', weeks: 6, updatedAt: '2026-11-10' },
    }));
    const imported = await importListing({
      organization: { id: 'bench-zorg', name: 'Bench Zorg', regionIds: ['zuid-limburg'] },
      locations: [{ id: 'bench-locatie', name: 'Bench', address: { street: 'Markt', houseNumber: '1', postcode: '6211 CK', city: 'Maastricht' }, housingForms: forms }],
    }, { ...stores, clock: { now: () => new Date(now) } });
    if (!imported.ok) throw new Error('The benchmark listing did not import.');
    const saves: number[] = [];
    const path = '/provider/organizations/bench-zorg/locations/bench-locatie/housing-forms/woonvorm-3/waiting-list';
    for (let i = 0, version = 1; i < SAVES + 5; i++, version++) {
      now += 1000;
      const start = performance.now();
      const saved = await post(path, { version, waitingList: { status: i % 2 === 0 ? 'available' : 'short', placesAvailable: i % 3 } }, 'PATCH', cookie);
      const took = performance.now() - start;
      if (saved.status !== 200) throw new Error(`Save failed: ${saved.status} ${await saved.text()}`);
      if (i >= 5) saves.push(took);
    }
    return { signIn: percentiles(samples), save: percentiles(saves) };
  } finally {
    server.close();
    await db.stop();
  }
}

function benchCsvDryRun(): string {
  const template = HousingFormSchema.parse({
    id: 'sjabloon', name: 'Kleinschalig wonen', type: 'small-scale-group', sectors: ['VV'], careProfiles: ['5VV', '6VV'],
    deliveryForms: ['verblijf'], targetGroups: ['dementia'], languages: ['nl'], groupSize: 7, ownBathroom: true,
    description: 'Een woning voor zeven mensen, met een tuin en een eigen keuken.',
    waitingList: { status: 'short', weeks: 6, updatedAt: '2026-11-10' },
  });
  const stored: StoredHousingForm[] = Array.from({ length: CSV_ROWS }, (_, i) => ({
    locationId: `locatie-${i % 50}`,
    housingForm: { ...template, id: `woonvorm-${i}`, name: `Woonvorm ${i}` } satisfies HousingForm,
    version: 1 + (i % 7),
  }));
  const locationIds = new Set(stored.map((s) => s.locationId));
  // A tenth of the rows edited, as a provider updating its waiting lists would.
  const edited = stored.map((s, i) =>
    i % 10 === 0 ? { ...s, housingForm: { ...s.housingForm, waitingList: { ...s.housingForm.waitingList, status: 'available' as const } } } : s);
  const file = writeHousingFormsCsv(edited);
  const samples: number[] = [];
  for (let run = 0; run < CSV_RUNS + 3; run++) {
    const start = performance.now();
    const read = readHousingFormsCsv(file, '2026-12-03');
    if (!read.ok) throw new Error('The benchmark file did not read.');
    const plan = planHousingFormChanges(read.rows, stored, locationIds, new Date('2026-12-03T10:00:00Z'));
    const took = performance.now() - start;
    if (!plan.ok || plan.changes.filter((c) => c.kind === 'updated').length !== CSV_ROWS / 10) throw new Error('The plan is not the expected one.');
    if (run >= 3) samples.push(took);
  }
  return `${percentiles(samples)}; file ${(Buffer.byteLength(file) / 1024).toFixed(0)} KB`;
}

console.log(`CSV dry run of ${CSV_ROWS} rows (read + plan): ${benchCsvDryRun()}`);
const staff = await benchStaffApi();
console.log(
  `Sign-in round trip (code + sign-in, loopback, DynamoDB Local): ${staff.signIn}; ` +
    `a code request is answered no sooner than ${CODE_ANSWER_FLOOR_MS} ms in use (sign-in.ts), which this leaves out`,
);
console.log(`Housing-form save (waiting-list update with its audit record, loopback, DynamoDB Local): ${staff.save}`);
