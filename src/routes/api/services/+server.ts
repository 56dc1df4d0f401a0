import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requireActor } from '$lib/server/http/guards';
import { listServices } from '$lib/server/repositories/services';

/** The whole service catalogue, inactive services included (history names them). */
export const GET: RequestHandler = endpoint(async (event) => {
	requireActor(event);
	return json(await listServices(event.locals.app.db));
});
