import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requestedCommunities, requireStaff } from '$lib/server/http/guards';
import { activeStatusListSchema, newRequestSchema } from '$lib/api/schemas';
import { createRequest } from '$lib/server/services/requests';
import { listRequestsByStatus, toRequestView } from '$lib/server/repositories/requests';
import { ACTIVE_STATUSES } from '$lib/dispatch/vocabulary';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	const asked = event.url.searchParams.getAll('status');
	const statuses = asked.length ? parseWith(activeStatusListSchema, asked, 'Not an active status.', 'status') : ACTIVE_STATUSES;
	const rows = await listRequestsByStatus(event.locals.app.db, statuses, requestedCommunities(event, actor));
	return json(rows.map((row) => toRequestView(row, true)));
});

export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	const input = await readJson(event.request, newRequestSchema);
	return json(await createRequest(event.locals.app.services, actor, input), { status: 201 });
});
