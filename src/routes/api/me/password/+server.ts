import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { requireActor } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/client-address';
import { passwordChangeSchema } from '$lib/api/account-schemas';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { changePassword } from '$lib/server/services/account';

/** Any signed-in user changes their own password; their other sessions end at once. */
export const PUT: RequestHandler = endpoint(async (event) => {
	requireActor(event);
	const input = await readJson(event.request, passwordChangeSchema);
	await changePassword(event.locals.app, event.locals.user!, event.cookies.get(SESSION_COOKIE), input, clientAddress(event));
	return new Response(null, { status: 204 });
});
