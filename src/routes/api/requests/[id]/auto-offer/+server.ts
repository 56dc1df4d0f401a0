import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/http/guards';
import { autoOfferSchema, requestIdSchema } from '$lib/api/schemas';
import { setAutoOffer } from '$lib/server/services/auto-offer';

/** Staff turn auto-offer on or off; the first offer follows at once (jobs/auto-offer.ts). */
export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	const id = parseWith(requestIdSchema, event.params.id, 'Not a valid request id.', 'id');
	return json(await setAutoOffer(event.locals.app.services, actor, id, await readJson(event.request, autoOfferSchema)));
});
