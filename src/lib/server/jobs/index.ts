import type { Job } from './runner';

/** Every periodic job the server runs. Each is idempotent; see runner.ts. */
export const JOBS: Job[] = [];
