import type { UserView } from '../../api/types';
import type { PasswordChangeBody } from '../../api/account-schemas';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { attemptSucceeded, beginAttempt, rateLimitedError } from '../auth/login-throttle';
import { hashToken } from '../auth/sessions';
import { deleteOtherSessionsOfUser } from '../repositories/sessions';
import { findUserByUsername, updatePasswordHash } from '../repositories/users';
import { ApiError } from '../http/api-error';
import { endSessionSockets } from '../realtime/session-watch';
import type { App } from '../app';

/**
 * Changes a signed-in user's password. The current password is checked through the sign-in
 * throttle (a stolen session must not become a way to guess it). Every other session of the
 * user ends in the same transaction, and their sockets are closed at once after the commit;
 * the session that made the change stays signed in.
 */
export async function changePassword(
	app: Pick<App, 'db' | 'config' | 'realtime'>,
	user: UserView,
	currentToken: string | undefined,
	input: PasswordChangeBody,
	ip: string
): Promise<void> {
	const throttle = { db: app.db, limits: app.config.loginLimits, now: () => new Date() };
	const key = { username: user.username, ip };
	const attempt = await beginAttempt(throttle, key);
	if (!attempt.allowed) throw rateLimitedError(attempt.retryAfterSeconds);
	const row = await findUserByUsername(app.db, user.username);
	if (!row || row.id !== user.id || !(await verifyPassword(row.password_hash, input.currentPassword))) {
		throw new ApiError('unprocessable', 'The current password is wrong.', [{ path: 'currentPassword', message: 'Wrong password' }]);
	}
	await attemptSucceeded(throttle, key);
	const newHash = await hashPassword(input.newPassword);
	const ended = await app.db.transaction().execute(async (trx) => {
		await updatePasswordHash(trx, user.id, newHash);
		return deleteOtherSessionsOfUser(trx, user.id, currentToken ? hashToken(currentToken) : null);
	});
	if (app.realtime) endSessionSockets(app.realtime.io, ended);
}
