import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { feedbackSchema, trackTokenSchema } from '$lib/api/public-schemas';
import { rateRequest } from '$lib/server/services/residents';

/** Public to whoever holds the link: the rating, once, after completion. */
export const POST: RequestHandler = endpoint(async (event) => {
	const token = parseWith(trackTokenSchema.catch(''), event.params.token);
	const input = await readJson(event.request, feedbackSchema);
	return json(await rateRequest(event.locals.app.services, token, input, event.locals.locale));
});
