import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { credentialsSchema } from '$lib/api/schemas';
import { SESSION_COOKIE, signIn } from '$lib/server/auth/sessions';
import { homePathFor } from '$lib/dispatch/permissions';
import { isDatabaseUnavailable } from '$lib/server/http/api-error';
import { getApp } from '$lib/server/app';

/** Only same-site paths may be returned to after signing in. */
function safeNext(next: string | null): string | null {
	return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')) ?? homePathFor(locals.user.role));
	return { demo: getApp().config.demo };
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const parsed = credentialsSchema.safeParse({ username: form.get('username'), password: form.get('password') });
		const username = String(form.get('username') ?? '');
		if (!parsed.success) return fail(400, { username, problem: 'wrong' as const });
		const app = getApp();
		let session;
		try {
			session = await signIn(app.db, parsed.data, app.config.sessionTtlMs, new Date());
		} catch (error) {
			if (isDatabaseUnavailable(error)) return fail(503, { username, problem: 'failed' as const });
			throw error;
		}
		if (!session) return fail(401, { username, problem: 'wrong' as const });
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
