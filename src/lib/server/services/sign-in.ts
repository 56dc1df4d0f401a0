import type { UserView } from '../../api/types';
import { signIn } from '../auth/sessions';
import { attemptSucceeded, beginAttempt, rateLimitedError } from '../auth/login-throttle';
import { ApiError } from '../http/api-error';
import type { App } from '../app';

export interface NewSession {
	user: UserView;
	token: string;
	expiresAt: Date;
}

/**
 * Signs in through the throttle (login-throttle.ts): too many failures answer rate_limited
 * before the password is even checked. Used by the API and the login form.
 */
export async function signInThrottled(
	app: Pick<App, 'db' | 'config'>,
	credentials: { username: string; password: string },
	ip: string
): Promise<NewSession> {
	const deps = { db: app.db, limits: app.config.loginLimits, now: () => new Date() };
	const key = { username: credentials.username, ip };
	const attempt = await beginAttempt(deps, key);
	if (!attempt.allowed) throw rateLimitedError(attempt.retryAfterSeconds);
	const session = await signIn(app.db, credentials, app.config.sessionTtlMs, new Date());
	if (!session) throw new ApiError('unauthenticated', 'The username or password is wrong.');
	await attemptSucceeded(deps, key);
	return session;
}
