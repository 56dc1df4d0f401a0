import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { clientAddress } from '$lib/server/http/client-address';
import { requireActor } from '$lib/server/http/guards';
import { credentialsSchema } from '$lib/api/schemas';
import { hashToken, SESSION_COOKIE, sessionCookieOptions, signOut } from '$lib/server/auth/sessions';
import { endSessionSockets } from '$lib/server/realtime/session-watch';
import { signInThrottled } from '$lib/server/services/sign-in';

export const POST: RequestHandler = endpoint(async (event) => {
	const { request, cookies, url } = event;
	const credentials = await readJson(request, credentialsSchema);
	const session = await signInThrottled(event.locals.app, credentials, clientAddress(event));
	cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt, url, event.locals.app.config.publicOrigin));
	return json({ user: session.user });
});

export const GET: RequestHandler = endpoint(async (event) => {
	requireActor(event);
	return json({ user: event.locals.user });
});

export const DELETE: RequestHandler = endpoint(async (event) => {
	requireActor(event);
	const app = event.locals.app;
	const token = event.cookies.get(SESSION_COOKIE)!;
	await signOut(app.db, token);
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
	// Exactly this session's sockets (every tab of this browser, on every node) end now;
	// the same user's other devices keep their own sessions.
	if (app.realtime) endSessionSockets(app.realtime.io, [hashToken(token)]);
	return new Response(null, { status: 204 });
});
