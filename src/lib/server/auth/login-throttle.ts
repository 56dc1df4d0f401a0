import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
	deleteAttemptsOfAccount,
	deleteLoginAttempt,
	insertLoginAttempt,
	recentAttemptTimes
} from '../repositories/login-attempts';
import { ApiError } from '../http/api-error';

export interface ThrottleLimits {
	/** Failed attempts allowed per account within the window. */
	perAccount: number;
	/** Failed attempts allowed per client address within the window, whatever the account. */
	perIp: number;
	windowMs: number;
}

export interface ThrottleDeps {
	db: Kysely<Database>;
	limits: ThrottleLimits;
	now: () => Date;
}

export interface AttemptKey {
	username: string;
	ip: string;
}

export type Attempt = { allowed: true; id: string } | { allowed: false; retryAfterSeconds: number };

const accountKey = (username: string) => username.trim().toLowerCase().slice(0, 64);

/**
 * Records an attempt before the password is checked, then counts. Recording first makes the
 * limit exact under concurrency: of N simultaneous guesses, the k-th to be recorded sees at
 * least k rows, so no more than the limit ever reach the password check. A refused attempt
 * is removed again, so hammering a locked account does not extend its lock.
 */
export async function beginAttempt(deps: ThrottleDeps, key: AttemptKey): Promise<Attempt> {
	const now = deps.now();
	const username = accountKey(key.username);
	const ip = key.ip.slice(0, 64);
	const id = await insertLoginAttempt(deps.db, { username, ip, at: now });
	const since = new Date(now.getTime() - deps.limits.windowMs);
	const [byAccount, byIp] = await Promise.all([
		recentAttemptTimes(deps.db, { username }, since, deps.limits.perAccount + 1),
		recentAttemptTimes(deps.db, { ip }, since, deps.limits.perIp + 1)
	]);
	const waits = [retryAfter(byAccount, deps.limits.perAccount), retryAfter(byIp, deps.limits.perIp)].filter(
		(wait): wait is number => wait !== null
	);
	if (waits.length === 0) return { allowed: true, id };
	await deleteLoginAttempt(deps.db, id);
	return { allowed: false, retryAfterSeconds: Math.max(...waits) };

	/** Null while within the limit; else seconds until enough of these attempts leave the window. */
	function retryAfter(timesNewestFirst: Date[], limit: number): number | null {
		if (timesNewestFirst.length <= limit) return null;
		// Without this attempt, `limit` rows remain; the next one passes once the oldest of them expires.
		const oldestThatBlocks = timesNewestFirst[limit].getTime();
		return Math.max(1, Math.ceil((oldestThatBlocks + deps.limits.windowMs - now.getTime()) / 1000));
	}
}

/** The password was right: the attempt and the account's earlier failures are forgotten. */
export async function attemptSucceeded(deps: ThrottleDeps, username: string): Promise<void> {
	await deleteAttemptsOfAccount(deps.db, accountKey(username));
}

export function rateLimitedError(retryAfterSeconds: number): ApiError {
	const minutes = Math.ceil(retryAfterSeconds / 60);
	return new ApiError(
		'rate_limited',
		`Too many failed sign-ins. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
		undefined,
		retryAfterSeconds
	);
}
