import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requestedCommunities, requireStaff } from '$lib/server/http/guards';
import { listVolunteers } from '$lib/server/services/volunteers';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	return json(await listVolunteers(event.locals.app.services, requestedCommunities(event, actor)));
});
