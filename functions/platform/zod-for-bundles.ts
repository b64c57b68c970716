// For Lambda bundles only (esbuild aliases 'zod' to this module; see infra/bundling.ts).
// @hono/zod-openapi imports `{ z } from 'zod'`, a namespace object that drags every locale of zod
// into the bundle (~260 KB of 540). Here `z` holds just what that library reads (ZodType, to add
// `.openapi()`); everything else is zod's own exports, tree-shaken as usual.
export * from '../../node_modules/zod/v4/classic/external.js';
import { ZodType } from '../../node_modules/zod/v4/classic/external.js';

export const z = { ZodType };
