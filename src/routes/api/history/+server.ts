import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { communitiesFor, requireCoordinator } from '$lib/server/http/guards';
import { historyQuerySchema, queryObject } from '$lib/api/history-schemas';
import { checkFilterReferences, readHistoryPage } from '$lib/server/services/history';
import { exportFileName, streamHistoryCsv } from '$lib/server/services/history-export';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const parsed = parseWith(historyQuerySchema, queryObject(event.url.searchParams), 'The history filter is not valid.');
	const query = { ...parsed, communityIds: communitiesFor(actor, parsed.communityId) };
	const app = event.locals.app;
	if (query.format === 'json') return json(await readHistoryPage(app.services, query));

	// Checked before the first byte, so a bad filter is still a 400, not a broken download.
	await checkFilterReferences(app.db, query);
	const params = event.url.searchParams;
	return new Response(streamHistoryCsv(app.services, query, event.locals.locale, app.log), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(params.get('from') ?? undefined, params.get('to') ?? undefined)}"`,
			'cache-control': 'no-store'
		}
	});
});
