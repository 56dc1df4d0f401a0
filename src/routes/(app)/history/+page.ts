import type { PageLoad } from './$types';
import type { ElderView, HistoryPage, HistoryStats, VisitPlanView } from '$lib/api/history-types';
import { callApi } from '$lib/api/client';
import { apiQuery, communityQuery, readFilters, readTab } from '$lib/history/filters';

// Each tab reads only what it shows; the visit plans feed the due/overdue notice on every tab.
// Kit's fetch, so the server render reads with the visitor's cookie and the browser reuses it.
export const load: PageLoad = async ({ url, fetch, data }) => {
	const tab = readTab(url);
	const filters = readFilters(url, new Date());
	const query = apiQuery(filters);
	const skip = Promise.resolve(null);
	const community = communityQuery(filters);
	const [history, stats, plans, elders] = await Promise.all([
		tab === 'records' ? callApi<HistoryPage>('GET', `/api/history?${query}&limit=50`, { fetch }) : skip,
		tab === 'stats' ? callApi<HistoryStats>('GET', `/api/history/stats?${query}`, { fetch }) : skip,
		callApi<VisitPlanView[]>('GET', `/api/visit-plans${community}`, { fetch }),
		tab === 'visits' ? callApi<ElderView[]>('GET', `/api/elders${community}`, { fetch }) : skip
	]);
	return { ...data, tab, filters, history, stats, plans, elders };
};
