// The history page's filters as they live in its URL, so a view can be shared as a link.
import { communityDay } from './community-time';

export const FILTER_KEYS = ['from', 'to', 'communityId', 'type', 'volunteerId', 'buildingId', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type HistoryFilters = Record<FilterKey, string>;

export const HISTORY_TABS = ['records', 'stats', 'visits'] as const;
export type HistoryTab = (typeof HISTORY_TABS)[number];

const DAY_MS = 86_400_000;

/** The last `days` community days, ending today. */
export function lastDays(now: Date, days: number): { from: string; to: string } {
	return { from: communityDay(new Date(now.getTime() - (days - 1) * DAY_MS)), to: communityDay(now) };
}

/** The filters a URL asks for; without dates, the last 30 days. */
export function readFilters(url: URL, now: Date): HistoryFilters {
	const get = (key: FilterKey) => url.searchParams.get(key) ?? '';
	const range = !get('from') && !get('to') ? lastDays(now, 30) : { from: get('from'), to: get('to') };
	return {
		...range,
		communityId: get('communityId'),
		type: get('type'),
		volunteerId: get('volunteerId'),
		buildingId: get('buildingId'),
		status: get('status')
	};
}

export function readTab(url: URL): HistoryTab {
	const tab = url.searchParams.get('tab');
	return (HISTORY_TABS as readonly string[]).includes(tab ?? '') ? (tab as HistoryTab) : 'records';
}

/** The API query for these filters; empty ones are left out. */
export function apiQuery(filters: HistoryFilters): URLSearchParams {
	const query = new URLSearchParams();
	for (const key of FILTER_KEYS) if (filters[key]) query.set(key, filters[key]);
	return query;
}

/**
 * The visit plans and elders of one community, or of the whole scope: the only filter the
 * visits tab has, shared with the other tabs through the URL.
 */
export function communityQuery(filters: Pick<HistoryFilters, 'communityId'>): string {
	return filters.communityId ? `?${new URLSearchParams({ communityId: filters.communityId })}` : '';
}

/**
 * Choosing another community lets go of a volunteer or building of the one before: kept, they
 * would silently select nothing.
 */
export function communityChange(
	communityId: string,
	current: Pick<HistoryFilters, 'volunteerId' | 'buildingId'>,
	communityOf: { volunteer(id: string): string | undefined; building(id: string): string | undefined }
): Partial<HistoryFilters> {
	const changes: Partial<HistoryFilters> = { communityId };
	if (communityId && current.volunteerId && communityOf.volunteer(current.volunteerId) !== communityId) changes.volunteerId = '';
	if (communityId && current.buildingId && communityOf.building(current.buildingId) !== communityId) changes.buildingId = '';
	return changes;
}

/** The page URL with some filters (or the tab) changed, keeping everything else. */
export function pageUrlWith(url: URL, changes: Partial<HistoryFilters> & { tab?: HistoryTab }): URL {
	const next = new URL(url);
	for (const [key, value] of Object.entries(changes)) {
		if (value) next.searchParams.set(key, value);
		else next.searchParams.delete(key);
	}
	if (next.searchParams.get('tab') === 'records') next.searchParams.delete('tab');
	return next;
}
