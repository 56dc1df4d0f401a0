// Small factories for tests of the dispatcher board's API.
import { apiClient, signIn } from './clients';
import type { BuildingView, RequestView, UserView, VolunteerView } from '../../src/lib/api/types';
import type { RequestType } from '../../src/lib/dispatch/vocabulary';

export type ApiCall = ReturnType<typeof apiClient>;

export async function createRequest(
	call: ApiCall,
	building: BuildingView,
	type: RequestType,
	description = '测试：请尽快处理'
): Promise<RequestView> {
	const created = await call<RequestView>('POST', '/api/requests', {
		type,
		buildingId: building.id,
		description,
		contactName: '陈阿姨',
		contactPhone: '13800001111'
	});
	if (created.status !== 201) throw new Error(`could not create a request: ${created.status} ${JSON.stringify(created.body)}`);
	return created.body;
}

/**
 * Every request of the last 30 days, whatever its status: the active ones from the board's list,
 * the finished ones from history (the only way finished requests are read), so `call` must be a
 * coordinator's.
 */
export async function allRequests(call: ApiCall): Promise<RequestView[]> {
	const active = await call<RequestView[]>('GET', '/api/requests');
	if (active.status !== 200) throw new Error(`GET /api/requests failed: ${active.status}`);
	const finished: RequestView[] = [];
	let cursor: string | null = null;
	do {
		const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
		const page = await call<{ items: RequestView[]; nextCursor: string | null }>('GET', `/api/history?limit=200${query}`);
		if (page.status !== 200) throw new Error(`GET /api/history failed: ${page.status}`);
		finished.push(...page.body.items);
		cursor = page.body.nextCursor;
	} while (cursor);
	return [...active.body, ...finished];
}

/** The newest event seq a staff member can see, paging through catch-up. */
export async function latestSeq(call: ApiCall): Promise<number> {
	let after = 0;
	for (;;) {
		const page = await call<{ seq: number }[]>('GET', `/api/events?after=${after}&limit=5000`);
		if (page.status !== 200) throw new Error(`catch-up failed: ${page.status}`);
		if (page.body.length === 0) return after;
		after = page.body[page.body.length - 1]!.seq;
		if (page.body.length < 5000) return after;
	}
}

export async function volunteers(call: ApiCall): Promise<VolunteerView[]> {
	return (await call<VolunteerView[]>('GET', '/api/volunteers')).body;
}

export async function buildings(call: ApiCall): Promise<BuildingView[]> {
	return (await call<BuildingView[]>('GET', '/api/buildings')).body;
}

export interface SignedInVolunteer {
	username: string;
	volunteerId: string;
	cookie: string;
	call: ApiCall;
}

/** Signs in demo volunteers vol01…volNN, so tests can act as them and know their ids. */
export async function signInVolunteers(baseUrl: string, count: number): Promise<SignedInVolunteer[]> {
	const usernames = Array.from({ length: count }, (_, i) => `vol${String(i + 1).padStart(2, '0')}`);
	const out: SignedInVolunteer[] = [];
	for (const username of usernames) {
		const cookie = await signIn(baseUrl, username);
		const call = apiClient(baseUrl, cookie);
		const me = await call<{ user: UserView }>('GET', '/api/session');
		out.push({ username, volunteerId: me.body.user.volunteerId!, cookie, call });
	}
	return out;
}

/** Local midnight in China (UTC+8), computed here on its own rather than imported from the app. */
export function chinaMidnight(now: Date): Date {
	const shifted = new Date(now.getTime() + 8 * 3_600_000);
	return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - 8 * 3_600_000);
}
