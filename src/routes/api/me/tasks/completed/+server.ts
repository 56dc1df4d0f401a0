import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requireVolunteer } from '$lib/server/http/guards';
import { listMyCompletedTasks } from '$lib/server/services/my-tasks';

/** The volunteer's own tasks completed in the last 30 days, newest first. */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireVolunteer(event);
	return json(await listMyCompletedTasks(event.locals.app.services, actor));
});
