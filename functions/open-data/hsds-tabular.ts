// The HSDS tabular form of an export: one CSV per table and a Frictionless `datapackage.json`
// describing them (fields, keys, licence, sources), made from the same records as the JSON form
// (hsds.ts), so the two never say different things. Plain comma-separated UTF-8 with a header row,
// as the HSDS tabular format and data-package tools expect (not the Dutch-Excel CSV of the portal).
import { stringify } from 'csv-stringify/sync';
import type { HsdsDataset } from './hsds.ts';

type FieldType = 'string' | 'number';
interface Field {
  name: string;
  type: FieldType;
  format?: 'uuid' | 'email' | 'uri';
  required?: true;
}

const uuid = (name: string, required?: true): Field => ({ name, type: 'string', format: 'uuid', ...(required ? { required } : {}) });
const text = (name: string, required?: true): Field => ({ name, type: 'string', ...(required ? { required } : {}) });
const number = (name: string): Field => ({ name, type: 'number' });

/** A table of the package: its HSDS name, file, columns (in the HSDS schema's order) and references. */
interface Table {
  name: string;
  path: string;
  fields: Field[];
  foreignKeys: Array<{ field: string; table: string }>;
  rows(dataset: HsdsDataset): Array<Record<string, string | number | undefined>>;
}

// Only the columns this export fills: an HSDS reader takes a missing optional column as empty.
const TABLES: Table[] = [
  {
    name: 'organization', path: 'organizations.csv',
    fields: [uuid('id', true), text('name', true), text('description', true), { name: 'email', type: 'string', format: 'email' }, { name: 'website', type: 'string', format: 'uri' }],
    foreignKeys: [],
    rows: (d) => d.organizations.map(({ phones: _phones, ...org }) => org),
  },
  {
    name: 'service', path: 'services.csv',
    fields: [
      uuid('id', true), uuid('organization_id'), text('name', true), text('description'), { name: 'url', type: 'string', format: 'uri' },
      { name: 'email', type: 'string', format: 'email' }, text('status', true), text('wait_time'), number('minimum_age'), number('maximum_age'),
      text('assured_date'),
    ],
    foreignKeys: [{ field: 'organization_id', table: 'organization' }],
    rows: (d) => d.services.map(({ attributes: _attributes, ...service }) => service),
  },
  {
    name: 'attribute', path: 'attributes.csv',
    fields: [uuid('id', true), uuid('link_id'), uuid('taxonomy_term_id'), text('link_type'), text('link_entity'), text('value'), text('label')],
    foreignKeys: [{ field: 'taxonomy_term_id', table: 'taxonomy_term' }],
    rows: (d) => [...d.locations.flatMap((l) => l.attributes), ...d.services.flatMap((s) => s.attributes)].map((attribute) => ({ ...attribute })),
  },
  {
    name: 'service_at_location', path: 'service_at_location.csv',
    fields: [uuid('id', true), uuid('service_id'), uuid('location_id')],
    foreignKeys: [{ field: 'service_id', table: 'service' }, { field: 'location_id', table: 'location' }],
    rows: (d) => d.service_at_locations.map((sal) => ({ ...sal })),
  },
  {
    name: 'location', path: 'locations.csv',
    fields: [
      uuid('id', true), text('location_type', true), { name: 'url', type: 'string', format: 'uri' }, uuid('organization_id'), text('name'),
      text('description'), number('latitude'), number('longitude'), text('external_identifier'), text('external_identifier_type'),
    ],
    foreignKeys: [{ field: 'organization_id', table: 'organization' }],
    rows: (d) => d.locations.map(({ addresses: _a, phones: _p, attributes: _t, ...location }) => location),
  },
  {
    name: 'phone', path: 'phones.csv',
    fields: [uuid('id', true), uuid('location_id'), uuid('organization_id'), text('number', true), text('type')],
    foreignKeys: [{ field: 'location_id', table: 'location' }, { field: 'organization_id', table: 'organization' }],
    rows: (d) => [...d.organizations.flatMap((o) => o.phones), ...d.locations.flatMap((l) => l.phones)].map((phone) => ({ ...phone })),
  },
  {
    name: 'address', path: 'addresses.csv',
    fields: [
      uuid('id', true), uuid('location_id'), text('address_1', true), text('city', true), text('region'), text('state_province', true),
      text('postal_code', true), text('country', true), text('address_type', true),
    ],
    foreignKeys: [{ field: 'location_id', table: 'location' }],
    rows: (d) => d.locations.flatMap((l) => l.addresses).map((address) => ({ ...address })),
  },
  {
    name: 'taxonomy_term', path: 'taxonomy_terms.csv',
    fields: [uuid('id', true), text('code'), text('name', true), text('description', true), uuid('parent_id'), text('taxonomy'), text('language'), uuid('taxonomy_id')],
    foreignKeys: [{ field: 'taxonomy_id', table: 'taxonomy' }, { field: 'parent_id', table: 'taxonomy_term' }],
    rows: (d) => d.taxonomy_terms.map((term) => ({ ...term })),
  },
  {
    name: 'taxonomy', path: 'taxonomies.csv',
    fields: [uuid('id', true), text('name', true), text('description', true), { name: 'uri', type: 'string', format: 'uri' }, text('version')],
    foreignKeys: [],
    rows: (d) => d.taxonomies.map((taxonomy) => ({ ...taxonomy })),
  },
];

export interface TabularFile {
  path: string;
  content: string;
}

/** The tables as records (numbers still numbers), keyed by HSDS table name: what the CSV files hold. */
export function hsdsTables(dataset: HsdsDataset): Record<string, Array<Record<string, string | number>>> {
  return Object.fromEntries(TABLES.map((table) => [
    table.name,
    table.rows(dataset).map((row) => Object.fromEntries(table.fields.flatMap((f) => (row[f.name] === undefined ? [] : [[f.name, row[f.name]!]])))),
  ]));
}

/** The Frictionless descriptor of the package. */
export function hsdsDataPackage(dataset: HsdsDataset, name: string) {
  return {
    profile: 'tabular-data-package',
    name,
    title: dataset.title,
    description: dataset.description,
    hsds_version: dataset.hsds_version,
    licenses: [dataset.license],
    attribution: dataset.attribution,
    sources: dataset.sources,
    resources: TABLES.map((table) => ({
      name: table.name,
      path: table.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: table.fields.map(({ required, ...field }) => ({ ...field, ...(required ? { constraints: { required: true } } : {}) })),
        primaryKey: 'id',
        foreignKeys: table.foreignKeys.map((key) => ({ fields: key.field, reference: { resource: key.table, fields: 'id' } })),
      },
    })),
  };
}

/** Every file of the package: the CSV tables and datapackage.json. */
export function hsdsTabularFiles(dataset: HsdsDataset, packageName: string): TabularFile[] {
  const tables = hsdsTables(dataset);
  const csvFiles = TABLES.map((table) => ({
    path: table.path,
    content: stringify(tables[table.name]!, { header: true, columns: table.fields.map((f) => f.name) }),
  }));
  return [...csvFiles, { path: 'datapackage.json', content: `${JSON.stringify(hsdsDataPackage(dataset, packageName), null, 2)}\n` }];
}
