// Where the repository is, for local commands that read its data or keep caches in it.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
