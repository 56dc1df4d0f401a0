import { markPassedDeadlines } from '../services/deadlines';
import type { Job } from './runner';

/** Marks deadlines passed unmet, once each (see the deadlines service). */
export const deadlineJob = (intervalMs = 30_000): Job => ({
	name: 'deadlines',
	intervalMs,
	run: async (deps, now) => {
		await markPassedDeadlines(deps, now);
	}
});
