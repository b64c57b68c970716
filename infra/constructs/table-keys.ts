// The table's key attributes, index names and TTL attribute for the CDK. They are the app's own
// definitions (the store's table design), so the deployed table cannot disagree with the code.
export { GSI1, GSI2, KEY, TTL_ATTRIBUTE } from '../../functions/store/dynamodb/table-design.ts';
