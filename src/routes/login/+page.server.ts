import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { credentialsSchema } from '$lib/api/schemas';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { signInThrottled } from '$lib/server/services/sign-in';
import { clientAddress } from '$lib/server/http/client-address';
import { homePathFor } from '$lib/dispatch/permissions';
import { ApiError, isDatabaseUnavailable } from '$lib/server/http/api-error';
import { getApp } from '$lib/server/app';

/** Only same-site paths may be returned to after signing in. */
function safeNext(next: string | null): string | null {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')) ?? homePathFor(locals.user.role));
	return { demo: getApp().config.demo, sessionEnded: url.searchParams.get('ended') === '1' };
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
			session = await signInThrottled(getApp(), parsed.data, clientAddress(event));
		} catch (error) {
			if (isDatabaseUnavailable(error)) return fail(503, { username, problem: 'failed' as const });
			if (!(error instanceof ApiError)) throw error;
			if (error.code === 'unauthenticated') return fail(401, { username, problem: 'wrong' as const });
			const minutes = Math.ceil((error.retryAfterSeconds ?? 60) / 60);
			setHeaders({ 'retry-after': String(error.retryAfterSeconds ?? 60) });
			return fail(429, { username, problem: 'rate_limited' as const, minutes });
		}
		cookies.set(SESSION_COOKIE, session.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: session.expiresAt
		});
		redirect(303, safeNext(url.searchParams.get('next')) ?? homePathFor(session.user.role));
	}
};
