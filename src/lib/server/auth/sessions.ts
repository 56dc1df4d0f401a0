import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { UserView } from '../../api/types';
import { deleteSession, extendSession, findSessionUser, insertSession } from '../repositories/sessions';
import { findUserByUsername, findUserView, isDeactivatedVolunteer } from '../repositories/users';
import { ApiError } from '../http/api-error';
import { verifyPassword } from './passwords';

export const SESSION_COOKIE = 'session';

/** Only a hash of the token is stored, so a leaked sessions table cannot be replayed. */
/**
 * The session cookie's attributes. `Secure` whenever the app is reached over https: the request
 * says so, or the configured public origin (ORIGIN) does, as behind a TLS proxy that speaks plain
 * http to this node and sends no X-Forwarded-Proto.
 */
export function sessionCookieOptions(expires: Date, requestUrl: URL, publicOrigin: string | null) {
	const https = requestUrl.protocol === 'https:' || (publicOrigin?.startsWith('https:') ?? false);
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: https, expires };
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export async function signIn(
	db: Kysely<Database>,
	credentials: { username: string; password: string },
	ttlMs: number,
	now: Date
): Promise<{ user: UserView; token: string; expiresAt: Date } | null> {
	const row = await findUserByUsername(db, credentials.username);
	const ok = await verifyPassword(row?.password_hash ?? null, credentials.password);
	if (!row || !ok) return null;
	// Said only to whoever knows the password, so it reveals nothing to a guesser.
	if (await isDeactivatedVolunteer(db, row.id)) {
		throw new ApiError('forbidden', 'This volunteer account has been deactivated. Please ask your coordinator.');
	}
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + ttlMs);
	await insertSession(db, hashToken(token), row.id, expiresAt);
	const user = await findUserView(db, row.id);
	return user ? { user, token, expiresAt } : null;
}

/**
 * The user behind a session token. Sessions slide: each use past the half-life pushes the
 * expiry out again, so an open dispatch board stays signed in through a shift.
 */
export async function resolveSession(db: Kysely<Database>, token: string | undefined, ttlMs: number, now: Date): Promise<UserView | null> {
	if (!token || token.length > 200) return null;
	const tokenHash = hashToken(token);
	const found = await findSessionUser(db, tokenHash, now);
	if (!found) return null;
	const { expiresAt, ...user } = found;
	if (expiresAt.getTime() - now.getTime() < ttlMs / 2) {
		await extendSession(db, tokenHash, new Date(now.getTime() + ttlMs));
	}
	return user;
}

export async function signOut(db: Kysely<Database>, token: string): Promise<void> {
	await deleteSession(db, hashToken(token));
}
