import type { Config } from '../config';
import type { Job } from './runner';
import { visitSchedulerJob } from './visit-scheduler';
import { offerTimeoutJob } from './offer-timeouts';
import { pruneAuthRecords } from './prune-auth-records';
import { autoOfferJob } from './auto-offer';
import { deadlineJob } from './deadlines';

/** Every periodic job the server runs, timed by the configuration. Each is idempotent; see runner.ts. */
export function jobsFor(
	config: Pick<Config, 'offerTimeoutMs' | 'offerTimeoutAction' | 'visitCheckMs' | 'autoOfferMaxTries' | 'deadlineCheckMs'>
): Job[] {
	return [
		visitSchedulerJob(config.visitCheckMs),
		pruneAuthRecords,
		offerTimeoutJob({ timeoutMs: config.offerTimeoutMs, action: config.offerTimeoutAction }),
		autoOfferJob(config.autoOfferMaxTries),
		deadlineJob(config.deadlineCheckMs)
	];
}
