import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { requireActor } from '$lib/server/http/guards';
import { requestIdSchema } from '$lib/api/schemas';
import { getRequestFor, readTimeline, viewFor } from '$lib/server/services/requests';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireActor(event);
	const id = parseWith(requestIdSchema, event.params.id, 'Not a valid request id.', 'id');
	const app = event.locals.app;
	const row = await getRequestFor(app.services, actor, id);
	return json({ request: viewFor(actor, row), events: await readTimeline(app.services, actor, id) });
});
