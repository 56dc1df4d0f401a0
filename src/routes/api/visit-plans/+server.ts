import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { requestedCommunities, requireCoordinator } from '$lib/server/http/guards';
import { newVisitPlanSchema } from '$lib/api/history-schemas';
import { createVisitPlan, listVisitPlans } from '$lib/server/services/visit-plans';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	return json(await listVisitPlans(event.locals.app.services, requestedCommunities(event, actor)));
});

export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const body = await readJson(event.request, newVisitPlanSchema);
	return json(await createVisitPlan(event.locals.app.services, actor, body), { status: 201 });
});
