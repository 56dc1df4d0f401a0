import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requestedCommunities, requireRole, requireStaff } from '$lib/server/http/guards';
import { isReporter, isStaff } from '$lib/dispatch/permissions';
import { createReport } from '$lib/server/services/reports';
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

/** Staff type a request for any building in scope; a reporter reports one for a building of their grid. */
export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireRole(event, (role) => isStaff(role) || isReporter(role), 'dispatchers, coordinators and reporters');
	const input = await readJson(event.request, newRequestSchema);
	const services = event.locals.app.services;
	const created = isReporter(actor.role) ? await createReport(services, actor, input) : await createRequest(services, actor, input);
	return json(created, { status: 201 });
});
