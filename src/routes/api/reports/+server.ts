import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requireReporter } from '$lib/server/http/guards';
import { listReports } from '$lib/server/services/reports';

/** The requests this reporter reported, newest first, with how each stands. */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireReporter(event);
	return json(await listReports(event.locals.app.services, actor, event.locals.locale));
});
