import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { trackTokenSchema } from '$lib/api/public-schemas';
import { trackRequest } from '$lib/server/services/residents';
import { ApiError } from '$lib/server/http/api-error';
import { listServices } from '$lib/server/repositories/services';

/** A resident's tracking page: whoever holds the link sees that one request, no sign-in. */
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	// The token is the key: never cached by a proxy, never sent on as a referrer.
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const token = trackTokenSchema.safeParse(params.token);
	if (!token.success) error(404, 'unknown request');
	try {
		const view = await trackRequest(locals.app.services, token.data, locals.locale);
		const service = (await listServices(locals.app.db)).find((s) => s.code === view.type);
		const serviceName = service ? (locals.locale === 'en' ? service.name.en : service.name.zh) : view.type;
		return { token: token.data, view, serviceName };
	} catch (failure) {
		if (failure instanceof ApiError && failure.status === 404) error(404, 'unknown request');
		throw failure;
	}
};
