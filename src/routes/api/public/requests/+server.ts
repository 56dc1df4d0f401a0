import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { clientAddress } from '$lib/server/http/client-address';
import { publicRequestSchema } from '$lib/api/public-schemas';
import { submitResidentRequest } from '$lib/server/services/residents';

/** Public: a resident's request, answered with its tracking link (201), or the earlier one's (200). */
export const POST: RequestHandler = endpoint(async (event) => {
	const app = event.locals.app;
	const input = await readJson(event.request, publicRequestSchema);
	const submitted = await submitResidentRequest(app.services, input, clientAddress(event), app.config.publicLimitPerHour);
	return json(submitted, { status: submitted.duplicate ? 200 : 201 });
});
