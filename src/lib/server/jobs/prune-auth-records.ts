import type { Job } from './runner';
import { deleteAttemptsBefore } from '../repositories/login-attempts';
import { deleteExpiredSessions } from '../repositories/sessions';

// Longer than the throttle's window can be configured (at most a day), and no longer:
// these rows hold client addresses.
const ATTEMPT_RETENTION_MS = 24 * 3_600_000;

/** Deletes expired sessions and old sign-in attempts. Deleting twice deletes nothing more. */
export const pruneAuthRecords: Job = {
	name: 'prune-auth-records',
	intervalMs: 10 * 60_000,
	async run(deps, now) {
		await deleteExpiredSessions(deps.db, now);
		await deleteAttemptsBefore(deps.db, new Date(now.getTime() - ATTEMPT_RETENTION_MS));
	}
};
