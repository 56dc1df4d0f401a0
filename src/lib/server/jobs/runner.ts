import { sql } from 'kysely';
import type { Logger } from '../log';
import type { ServiceDeps } from '../services/deps';

/**
 * A periodic job. It must be idempotent on its own (conditional updates, unique keys), so that
 * running it twice, on two nodes or across a restart, changes nothing the second time; the
 * advisory lock below only saves the duplicate work.
 */
export interface Job {
	name: string;
	intervalMs: number;
	run(deps: ServiceDeps, now: Date): Promise<void>;
}

export interface JobRunner {
	/** Runs every job once now (tests and start-up use this). */
	runAll(now?: Date): Promise<void>;
	stop(): void;
}

/**
 * Runs `work` only if no other node holds the job's lock right now. The lock is a session
 * advisory lock on a connection of its own. Embedded PGlite is one process with one
 * connection, so there it simply runs.
 */
export async function runExclusively(deps: ServiceDeps, embedded: boolean, name: string, work: () => Promise<void>): Promise<boolean> {
	if (embedded) {
		await work();
		return true;
	}
	return deps.db.connection().execute(async (connection) => {
		const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtext(${name})) as locked`.execute(connection);
		if (!rows[0]?.locked) return false;
		try {
			await work();
			return true;
		} finally {
			await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(connection);
		}
	});
}

export function startJobs(deps: ServiceDeps, jobs: Job[], options: { embedded: boolean; log: Logger }): JobRunner {
	const running = new Set<string>();
	async function runOne(job: Job, now: Date) {
		if (running.has(job.name)) return; // never overlap with itself
		running.add(job.name);
		try {
			await runExclusively(deps, options.embedded, `job:${job.name}`, () => job.run(deps, now));
		} catch (error) {
			options.log.warn({ err: error, job: job.name }, 'job failed; it runs again at its next interval');
		} finally {
			running.delete(job.name);
		}
	}
	const timers = jobs.map((job) => setInterval(() => void runOne(job, deps.now()), job.intervalMs));
	for (const timer of timers) timer.unref();
	return {
		runAll: async (now = deps.now()) => {
			for (const job of jobs) await runOne(job, now);
		},
		stop: () => timers.forEach(clearInterval)
	};
}
