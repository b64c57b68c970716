// The one naming function: every stack and named resource is `woonwijzer-<stage>-<purpose>`,
// so two stages can live in one account and a name says where it belongs.
import { type Stage } from './config.ts';

export const PROJECT = 'woonwijzer';

export function resourceName(stage: Stage, purpose: string): string {
  return `${PROJECT}-${stage}-${purpose}`;
}
