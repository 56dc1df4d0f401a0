import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requireVolunteer } from '$lib/server/http/guards';
import { listMyActiveTasks } from '$lib/server/services/my-tasks';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireVolunteer(event);
	return json(await listMyActiveTasks(event.locals.app.services, actor));
});
