import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { trackTokenSchema } from '$lib/api/public-schemas';
import { trackRequest } from '$lib/server/services/residents';

/** Public to whoever holds the link: the request's progress. A malformed token is as unknown as a wrong one. */
export const GET: RequestHandler = endpoint(async (event) => {
	const token = parseWith(trackTokenSchema.catch(''), event.params.token);
	return json(await trackRequest(event.locals.app.services, token, event.locals.locale));
});
