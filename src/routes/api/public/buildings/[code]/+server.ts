import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { buildingCodeSchema } from '$lib/api/public-schemas';
import { publicBuilding } from '$lib/server/services/residents';

/** Public: the building behind a stairwell QR code, and what a resident may ask for. */
export const GET: RequestHandler = endpoint(async (event) => {
	const code = parseWith(buildingCodeSchema, event.params.code, 'Not a building code.', 'code');
	return json(await publicBuilding(event.locals.app.services, code, event.locals.locale));
});
