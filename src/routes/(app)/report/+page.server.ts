import type { PageServerLoad } from './$types';
import { guardPage, requireReporter } from '$lib/server/http/guards';
import { listGridBuildings } from '$lib/server/repositories/reporters';
import { listReports } from '$lib/server/services/reports';

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent(); // the layout reads the live seq first
	const actor = requireReporter(event);
	const app = event.locals.app;
	const [grid, reports] = await Promise.all([
		listGridBuildings(app.db, actor.userId),
		listReports(app.services, actor, event.locals.locale)
	]);
	return { grid, reports };
};
