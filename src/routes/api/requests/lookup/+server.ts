import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { communitiesFor, requireStaff } from '$lib/server/http/guards';
import { lookupQuerySchema } from '$lib/api/schemas';
import { lookUpRequests, toRequestView } from '$lib/server/repositories/requests';

/** How far back a look-up reaches, and how much it answers: enough for a caller, not a history. */
const LOOKUP_DAYS = 7;
const LOOKUP_LIMIT = 20;

/** A dispatcher answering "was it done?" without the history page (coordinators'). */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	const { q, communityId } = parseWith(lookupQuerySchema, Object.fromEntries(event.url.searchParams));
	const app = event.locals.app;
	const since = new Date(app.services.now().getTime() - LOOKUP_DAYS * 86_400_000);
	const rows = await lookUpRequests(app.db, q, since, LOOKUP_LIMIT, communitiesFor(actor, communityId));
	return json(rows.map((row) => toRequestView(row, true)));
});
