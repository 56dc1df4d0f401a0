import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { buildingCodeSchema } from '$lib/api/public-schemas';
import { publicBuilding } from '$lib/server/services/residents';
import { ApiError } from '$lib/server/http/api-error';

/** The form behind a building's QR code: no sign-in, the building and its services in the reader's language. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const code = buildingCodeSchema.safeParse(params.code);
	if (!code.success) error(404, 'unknown building');
	try {
		return { code: code.data, building: await publicBuilding(locals.app.services, code.data, locals.locale) };
	} catch (failure) {
		if (failure instanceof ApiError && failure.status === 404) error(404, 'unknown building');
		throw failure;
	}
};
