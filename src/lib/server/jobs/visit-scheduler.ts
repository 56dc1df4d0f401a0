import type { Job } from './runner';
import { scheduleDueVisits } from '../services/visit-scheduler';

/** Turns due visit plans into assigned elder_visit requests, once each (see visit-scheduler service). */
export const visitSchedulerJob = (intervalMs = 60_000): Job => ({
	name: 'visit-scheduler',
	intervalMs,
	run: async (deps, now) => {
		await scheduleDueVisits(deps, now);
	}
});
