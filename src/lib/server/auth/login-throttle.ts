import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { deleteAttemptsOfPair, deleteLoginAttempt, insertLoginAttempt, recentAttempts } from '../repositories/login-attempts';
import { ApiError } from '../http/api-error';

export interface ThrottleLimits {
	/** Failed attempts allowed for one account from one address within the window. */
	perAccount: number;
	/** Failed attempts allowed from one address within the window, whatever the accounts. */
	perIp: number;
	/** Failed attempts on one account, from all addresses, after which its sign-ins are slowed. */
	slowAfter: number;
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

/** The longest an account's slow-down ever makes anyone wait. */
export const MAX_SLOWDOWN_SECONDS = 60;

const accountKey = (username: string) => username.trim().toLowerCase().slice(0, 64);

/**
 * How long an attempt must wait after the account's last failure, once the account has
 * `failures` failures across all addresses: nothing below the ceiling, then 1, 2, 4 … seconds,
 * never more than a minute. It slows a guesser spread over many addresses without locking the
 * owner out.
 */
export function slowdownSeconds(failures: number, slowAfter: number): number {
	if (failures < slowAfter) return 0;
	return Math.min(MAX_SLOWDOWN_SECONDS, 2 ** (failures - slowAfter));
}

/**
 * Records an attempt before the password is checked, then counts. Recording first makes the
 * limits exact under concurrency: of N simultaneous guesses, the k-th to be recorded sees at
 * least k rows, so no more than the limit ever reach the password check. A refused attempt is
 * removed again, so hammering does not extend a wait.
 *
 * Nothing a stranger does from another address can lock an account: failures lock only the
 * (account, address) pair and the address itself. Across addresses an account is only slowed
 * (`slowdownSeconds`), and not for an address with no recent failures, so the owner signing in
 * from their own phone is let straight through to the password check.
 */
export async function beginAttempt(deps: ThrottleDeps, key: AttemptKey): Promise<Attempt> {
	const { limits } = deps;
	const now = deps.now();
	const username = accountKey(key.username);
	const ip = key.ip.slice(0, 64);
	const id = await insertLoginAttempt(deps.db, { username, ip, at: now });
	const since = new Date(now.getTime() - limits.windowMs);
	const others = (rows: { id: string; at: Date }[]) => rows.filter((row) => row.id !== id).map((row) => row.at);
	const [byPair, byIp, byAccount] = await Promise.all([
		recentAttempts(deps.db, { username, ip }, since, limits.perAccount + 1).then(others),
		recentAttempts(deps.db, { ip }, since, limits.perIp + 1).then(others),
		recentAttempts(deps.db, { username }, since, limits.slowAfter + 8).then(others)
	]);

	const waits = [overLimit(byPair, limits.perAccount), overLimit(byIp, limits.perIp)];
	const addressIsClean = byIp.length === 0;
	if (!addressIsClean) waits.push(slowedDown(byAccount));
	const wait = Math.max(0, ...waits.filter((w): w is number => w !== null));
	if (wait === 0) return { allowed: true, id };
	await deleteLoginAttempt(deps.db, id);
	return { allowed: false, retryAfterSeconds: wait };

	/** Null while under the limit; else seconds until the oldest blocking failure leaves the window. */
	function overLimit(earlierNewestFirst: Date[], limit: number): number | null {
		// The limit-th most recent failure; there is none while under the limit.
		const oldestThatBlocks = earlierNewestFirst[limit - 1];
		if (oldestThatBlocks === undefined) return null;
		return secondsUntil(oldestThatBlocks.getTime() + limits.windowMs);
	}

	function slowedDown(earlierNewestFirst: Date[]): number | null {
		const delay = slowdownSeconds(earlierNewestFirst.length, limits.slowAfter);
		const newest = earlierNewestFirst[0];
		if (delay === 0 || newest === undefined) return null;
		const last = newest.getTime();
		return now.getTime() - last >= delay * 1000 ? null : secondsUntil(last + delay * 1000);
	}

	function secondsUntil(at: number): number {
		return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
	}
}

/** The password was right: this address's failures for the account are forgotten. */
export async function attemptSucceeded(deps: ThrottleDeps, key: AttemptKey): Promise<void> {
	await deleteAttemptsOfPair(deps.db, { username: accountKey(key.username), ip: key.ip.slice(0, 64) });
}

export function rateLimitedError(retryAfterSeconds: number): ApiError {
	const wait =
		retryAfterSeconds < 60
			? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
			: `${Math.ceil(retryAfterSeconds / 60)} minutes`;
	return new ApiError('rate_limited', `Too many failed sign-ins. Please wait ${wait} and try again.`, undefined, retryAfterSeconds);
}
