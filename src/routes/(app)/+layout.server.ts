import { error, redirect } from '@sveltejs/kit';
import { isDatabaseUnavailable } from '$lib/server/http/api-error';
import type { LayoutServerLoad } from './$types';
import { latestSeq } from '$lib/server/repositories/events';
import { listServices } from '$lib/server/repositories/services';

// The seq is read before any page data (pages `await parent()`), so the live connection
// starting from it can only replay events the page already reflects, never skip one.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (locals.databaseDown) unavailable();
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const since = await latestSeq(locals.app.db).catch((failure) =>
		isDatabaseUnavailable(failure) ? unavailable() : Promise.reject(failure)
	);
	// Read after the seq, so a catalogue change in between arrives live and is not missed.
	const services = await listServices(locals.app.db);
	return { user: locals.user, since, services };
};

function unavailable(): never {
	error(503, { message: 'The database cannot be reached right now. Please try again shortly.', code: 'unavailable' });
}
