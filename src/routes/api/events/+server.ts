import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { requireActor } from '$lib/server/http/guards';
import { eventsQuerySchema } from '$lib/api/schemas';
import { eventsAfter } from '$lib/server/services/catch-up';
import { getApp } from '$lib/server/app';

/** Catch-up: what this user would have heard live after `after`. Pages of `limit`; ask again from the last seq. */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireActor(event);
	const query = parseWith(eventsQuerySchema, Object.fromEntries(event.url.searchParams), 'Give `after` as a whole number.');
	return json(await eventsAfter(getApp().db, actor, query.after, query.limit));
});
