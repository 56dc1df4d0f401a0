import type { PageLoad } from './$types';
import type { ElderView, HistoryPage, HistoryStats, VisitPlanView } from '$lib/api/history-types';
import type { ApiErrorBody } from '$lib/api/types';
import { apiQuery, readFilters, readTab } from '$lib/history/filters';

/**
 * A resource the page shows, or why it could not be read: the status and code choose the
 * sentence (0 and 'network' when no answer came); `detail` is the server's English, for a tooltip.
 */
export type Loaded<T> = { ok: true; value: T } | { ok: false; status: number; code: string; detail: string };

async function read<T>(fetcher: typeof fetch, path: string): Promise<Loaded<T>> {
	let response: Response;
	try {
		response = await fetcher(path);
	} catch {
		return { ok: false, status: 0, code: 'network', detail: '' };
	}
	if (response.ok) return { ok: true, value: (await response.json()) as T };
	const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
	const issues = body?.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
	return {
		ok: false,
		status: response.status,
		code: body?.error.code ?? 'unknown',
		detail: [body?.error.message ?? response.statusText, issues].filter(Boolean).join(' ')
	};
}

// Each tab reads only what it shows; the visit plans feed the due/overdue notice on every tab.
export const load: PageLoad = async ({ url, fetch, data }) => {
	const tab = readTab(url);
	const filters = readFilters(url, new Date());
	const query = apiQuery(filters);
	const skip = Promise.resolve(null);
	const [history, stats, plans, elders] = await Promise.all([
		tab === 'records' ? read<HistoryPage>(fetch, `/api/history?${query}&limit=50`) : skip,
		tab === 'stats' ? read<HistoryStats>(fetch, `/api/history/stats?${query}`) : skip,
		read<VisitPlanView[]>(fetch, '/api/visit-plans'),
		tab === 'visits' ? read<ElderView[]>(fetch, '/api/elders') : skip
	]);
	return { ...data, tab, filters, history, stats, plans, elders };
};
