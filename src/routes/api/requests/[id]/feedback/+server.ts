import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/http/guards';
import { requestIdSchema } from '$lib/api/schemas';
import { phoneFeedbackSchema } from '$lib/api/public-schemas';
import { recordFollowUpCall } from '$lib/server/services/follow-ups';

/** A follow-up call's answer (via phone), once per request. */
export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	const id = parseWith(requestIdSchema, event.params.id, 'Not a valid request id.', 'id');
	const { rating, comment } = await readJson(event.request, phoneFeedbackSchema);
	return json(await recordFollowUpCall(event.locals.app.services, actor, id, { rating, comment }));
});
