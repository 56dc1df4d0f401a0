import type { Config } from '../config';
import type { Job } from './runner';
import { visitSchedulerJob } from './visit-scheduler';
import { offerTimeoutJob } from './offer-timeouts';
import { pruneAuthRecords } from './prune-auth-records';

/** Every periodic job the server runs. Each is idempotent; see runner.ts. */
export const JOBS: Job[] = [visitSchedulerJob, pruneAuthRecords];

/** The jobs above, plus those whose timing comes from the configuration. */
export function jobsFor(config: Pick<Config, 'offerTimeoutMs' | 'offerTimeoutAction'>): Job[] {
	return [...JOBS, offerTimeoutJob({ timeoutMs: config.offerTimeoutMs, action: config.offerTimeoutAction })];
}
