import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/http/guards';
import { requestIdSchema } from '$lib/api/schemas';
import { reassignSchema } from '$lib/api/candidate-schemas';
import { reassignRequest } from '$lib/server/services/reassign';

/** Moves an offer nobody has accepted yet to another volunteer. A static segment, so it wins over [action=action]. */
export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	const id = parseWith(requestIdSchema, event.params.id, 'Not a valid request id.', 'id');
	return json(await reassignRequest(event.locals.app.services, actor, id, await readJson(event.request, reassignSchema)));
});
