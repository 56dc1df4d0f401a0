import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { credentialsSchema } from '$lib/api/schemas';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessions';
import { signInThrottled } from '$lib/server/services/sign-in';
import { clientAddress } from '$lib/server/http/client-address';
import { homePathFor } from '$lib/dispatch/permissions';
import { ApiError, isDatabaseUnavailable } from '$lib/server/http/api-error';
import { sameOriginPath } from '$lib/server/http/return-path';
import type { Role } from '$lib/dispatch/vocabulary';

/** Where to go once signed in: the `next` asked for when it is a path of ours, else the role's page. */
const afterSignIn = (url: URL, role: Role) => sameOriginPath(url.searchParams.get('next'), url.origin) ?? homePathFor(role);

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, afterSignIn(url, locals.user.role));
	return { demo: locals.app.config.demo, sessionEnded: url.searchParams.get('ended') === '1' };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url, setHeaders } = event;
		const form = await request.formData().catch(() => null);
		const username = String(form?.get('username') ?? '').slice(0, 64);
		const parsed = credentialsSchema.safeParse({ username: form?.get('username'), password: form?.get('password') });
		if (!parsed.success) return fail(400, { username, problem: 'wrong' as const });
		let session;
		try {
			session = await signInThrottled(event.locals.app, parsed.data, clientAddress(event));
		} catch (error) {
			if (isDatabaseUnavailable(error)) return fail(503, { username, problem: 'failed' as const });
			if (!(error instanceof ApiError)) throw error;
			if (error.code === 'unauthenticated') return fail(401, { username, problem: 'wrong' as const });
			if (error.code === 'forbidden') return fail(403, { username, problem: 'deactivated' as const });
			const seconds = error.retryAfterSeconds ?? 60;
			setHeaders({ 'retry-after': String(seconds) });
			return fail(429, { username, problem: 'rate_limited' as const, seconds });
		}
		cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt, url, event.locals.app.config.publicOrigin));
		redirect(303, afterSignIn(url, session.user.role));
	}
};
