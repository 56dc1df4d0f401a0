import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/http/guards';
import { buildingIdSchema } from '$lib/api/schemas';
import { buildingQrSvg } from '$lib/server/services/qr-codes';

/** The building's stairwell QR code, as an SVG image: it opens the resident's form (/r/:code). */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	const id = parseWith(buildingIdSchema, event.params.id, 'Not a valid building id.', 'id');
	const svg = await buildingQrSvg(event.locals.app.services, actor, id, event.url.origin);
	return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, max-age=3600' } });
});
