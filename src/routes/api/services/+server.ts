import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { requireActor } from '$lib/server/http/guards';
import { listServices } from '$lib/server/repositories/services';
import { newServiceSchema } from '$lib/api/catalogue-schemas';
import { addService, requireCatalogueEditor } from '$lib/server/services/catalogue';

/** The whole service catalogue, inactive services included (history names them). */
export const GET: RequestHandler = endpoint(async (event) => {
	requireActor(event);
	return json(await listServices(event.locals.app.db));
});

/** A new service (county and street coordinators); the role is checked before the body is read. */
export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireActor(event);
	requireCatalogueEditor(actor);
	const input = await readJson(event.request, newServiceSchema);
	return json(await addService(event.locals.app.services, actor, input), { status: 201 });
});
