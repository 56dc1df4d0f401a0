import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requestedCommunities, requireCoordinator } from '$lib/server/http/guards';
import { listElders } from '$lib/server/repositories/elders';

// Elders' phones and circumstances are sensitive: coordinators only, within their scope.
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	return json(await listElders(event.locals.app.db, requestedCommunities(event, actor)));
});
