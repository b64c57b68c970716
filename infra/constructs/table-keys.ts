// The tables' key attributes, index names and TTL attribute for the CDK. They are the app's own
// definitions (the store's table design), so the deployed table cannot disagree with the code.
export { DOSSIER_SECONDARY_INDEXES, KEY, SECONDARY_INDEXES, TTL_ATTRIBUTE } from '../../functions/store/dynamodb/table-design.ts';
export { STATISTICS_KEY, STATISTICS_TTL_ATTRIBUTE } from '../../functions/store/dynamodb/statistics-table-design.ts';
