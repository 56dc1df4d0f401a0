import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireActor } from '$lib/server/http/guards';
import { invalidInput } from '$lib/server/http/api-error';
import { serviceChangeSchema, serviceCodeSchema } from '$lib/api/catalogue-schemas';
import { changeService, requireCatalogueEditor } from '$lib/server/services/catalogue';

/** A service's new state, whole (county and street coordinators). Its code never changes. */
export const PUT: RequestHandler = endpoint(async (event) => {
	const actor = requireActor(event);
	requireCatalogueEditor(actor);
	const code = parseWith(serviceCodeSchema, event.params.code, 'Not a service code.', 'code');
	const { code: codeInBody, ...fields } = await readJson(event.request, serviceChangeSchema);
	if (codeInBody !== undefined && codeInBody !== code) {
		throw invalidInput('A service code never changes; add a new service instead.', [
			{ path: 'code', message: `The code is ${code}, as in the URL.` }
		]);
	}
	return json(await changeService(event.locals.app.services, actor, code, fields));
});
