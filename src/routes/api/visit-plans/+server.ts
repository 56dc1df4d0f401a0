import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { requireCoordinator } from '$lib/server/http/guards';
import { newVisitPlanSchema } from '$lib/api/history-schemas';
import { createVisitPlan, listVisitPlans } from '$lib/server/services/visit-plans';
import { getApp } from '$lib/server/app';

export const GET: RequestHandler = endpoint(async (event) => {
	requireCoordinator(event);
	return json(await listVisitPlans(getApp().services));
});

export const POST: RequestHandler = endpoint(async (event) => {
	requireCoordinator(event);
	const body = await readJson(event.request, newVisitPlanSchema);
	return json(await createVisitPlan(getApp().services, body), { status: 201 });
});
