import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { ApiError } from '$lib/server/http/api-error';
import { requireActor } from '$lib/server/http/guards';
import { credentialsSchema } from '$lib/api/schemas';
import { SESSION_COOKIE, signIn, signOut } from '$lib/server/auth/sessions';
import { getApp } from '$lib/server/app';

export const POST: RequestHandler = endpoint(async ({ request, cookies, url }) => {
	const credentials = await readJson(request, credentialsSchema);
	const app = getApp();
	const session = await signIn(app.db, credentials, app.config.sessionTtlMs, new Date());
	if (!session) throw new ApiError('unauthenticated', 'The username or password is wrong.');
	cookies.set(SESSION_COOKIE, session.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: session.expiresAt
	});
	return json({ user: session.user });
});

export const GET: RequestHandler = endpoint(async (event) => {
	requireActor(event);
	return json({ user: event.locals.user });
});

export const DELETE: RequestHandler = endpoint(async (event) => {
	const actor = requireActor(event);
	const app = getApp();
	await signOut(app.db, event.cookies.get(SESSION_COOKIE)!);
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
	app.realtime?.disconnectUser(actor.userId);
	return new Response(null, { status: 204 });
});
