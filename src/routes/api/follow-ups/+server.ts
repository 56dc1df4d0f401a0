import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requestedCommunities, requireStaff } from '$lib/server/http/guards';
import { listFollowUps } from '$lib/server/services/follow-ups';

/** Completed requests in scope with no feedback a day after completion: whom to call. */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	return json(await listFollowUps(event.locals.app.services, actor, requestedCommunities(event, actor)));
});
