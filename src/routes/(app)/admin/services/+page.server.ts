import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { guardPage, requireCoordinator } from '$lib/server/http/guards';
import { mayEditCatalogue } from '$lib/dispatch/permissions';

// The catalogue itself comes with the layout and stays live there (useCatalogue). PAGE_ACCESS
// lets every coordinator this far; a community's coordinator stops here, as the API stops them.
export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent();
	const actor = requireCoordinator(event);
	if (!mayEditCatalogue(actor)) {
		error(403, { message: 'Only county and street coordinators edit the service catalogue.', code: 'forbidden' });
	}
	return {};
};
