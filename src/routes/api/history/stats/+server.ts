import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { communitiesFor, requireCoordinator } from '$lib/server/http/guards';
import { queryObject, statsQuerySchema } from '$lib/api/history-schemas';
import { readHistoryStats } from '$lib/server/services/history-stats';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const query = parseWith(statsQuerySchema, queryObject(event.url.searchParams), 'The statistics filter is not valid.');
	return json(await readHistoryStats(event.locals.app.services, { ...query, communityIds: communitiesFor(actor, query.communityId) }));
});
