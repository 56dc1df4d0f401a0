import type { Job } from './runner';
import { visitSchedulerJob } from './visit-scheduler';

/** Every periodic job the server runs. Each is idempotent; see runner.ts. */
export const JOBS: Job[] = [visitSchedulerJob];
