import type { Job } from './runner';
import { pruneAuthRecords } from './prune-auth-records';

/** Every periodic job the server runs. Each is idempotent; see runner.ts. */
export const JOBS: Job[] = [pruneAuthRecords];
