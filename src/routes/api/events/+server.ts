import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { requireActor } from '$lib/server/http/guards';
import { eventsQuerySchema } from '$lib/api/schemas';
import { allEventsAfter, eventsAfter } from '$lib/server/services/catch-up';
import { jsonArrayStream } from '$lib/server/http/json-stream';

/**
 * Catch-up: what this user would have heard live after `after`. With `limit`, one page (ask
 * again from its last seq); without, all of it, as the contract says, streamed page by page.
 */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireActor(event);
	const query = parseWith(eventsQuerySchema, Object.fromEntries(event.url.searchParams), 'Give `after` as a whole number.');
	const app = event.locals.app;
	if (query.limit !== undefined) return json(await eventsAfter(app.db, actor, query.after, query.limit));
	const { first, rest } = await allEventsAfter(app.db, actor, query.after);
	return new Response(
		jsonArrayStream(first, rest, (failure) =>
			app.log.warn({ err: failure, requestId: event.locals.requestId }, 'catch-up stream broke off')
		),
		{
			headers: { 'content-type': 'application/json' }
		}
	);
});
