import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireCoordinator } from '$lib/server/http/guards';
import { visitPlanChangeSchema, visitPlanIdSchema } from '$lib/api/history-schemas';
import { changeVisitPlan } from '$lib/server/services/visit-plans';

export const PUT: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const id = parseWith(visitPlanIdSchema, event.params.id, 'Not a valid plan id.', 'id');
	const change = await readJson(event.request, visitPlanChangeSchema);
	return json(await changeVisitPlan(event.locals.app.services, actor, id, change));
});
