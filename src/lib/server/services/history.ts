import type { HistoryFilter, HistoryQuery } from '../../api/history-schemas';
import { encodeCursor } from '../../api/history-schemas';
import type { HistoryPage } from '../../api/history-types';
import type { Queryable } from '../db/types';
import { listFinishedPage } from '../repositories/history';
import { toRequestView } from '../repositories/requests';
import { findVolunteer } from '../repositories/volunteers';
import { findBuilding } from '../repositories/buildings';
import { invalidInput, type ErrorIssue } from '../http/api-error';
import type { ServiceDeps } from './deps';

/**
 * A filter naming a volunteer or building that does not exist is a mistake in the input
 * (a stale shared link, a typo), not an empty result: say so with 400.
 */
export async function checkFilterReferences(db: Queryable, filter: HistoryFilter): Promise<void> {
	const issues: ErrorIssue[] = [];
	// One outside the scope is as unknown as one that does not exist.
	const volunteer = filter.volunteerId ? await findVolunteer(db, filter.volunteerId) : undefined;
	if (filter.volunteerId && !volunteer) issues.push({ path: 'volunteerId', message: 'Unknown volunteer.' });
	const building = filter.buildingId ? await findBuilding(db, filter.buildingId) : undefined;
	if (filter.buildingId && (!building || !filter.communityIds.includes(building.community_id)))
		issues.push({ path: 'buildingId', message: 'Unknown building.' });
	if (issues.length) throw invalidInput('The filter names something that does not exist.', issues);
}

/** One page of finished requests, newest first; coordinators see contact details. */
export async function readHistoryPage(deps: ServiceDeps, query: HistoryQuery & HistoryFilter): Promise<HistoryPage> {
	await checkFilterReferences(deps.db, query);
	const rows = await listFinishedPage(deps.db, query, query.cursor ?? null, query.limit + 1);
	const page = rows.slice(0, query.limit);
	const last = page[page.length - 1];
	return {
		items: page.map((row) => toRequestView(row, true)),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ finishedAt: last.finished_key, id: last.id }) : null
	};
}
