import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { RequestView } from '../../src/lib/api/types';
import type { Database } from '../../src/lib/server/db/schema';
import { listCandidates } from '../../src/lib/server/services/candidates';
import { REQUEST_TYPES } from '../../src/lib/dispatch/vocabulary';
import { expectStatus, timedRequest } from './http-timing';
import type { BenchUser, BuildingPoint } from './bench-fixtures';
import { summarize, type Summary } from './stats';

const WARM_UP = 50;

export type RankingResult =
	| { skipped: true; reason: string }
	| {
			skipped: false;
			volunteers: number;
			calls: number;
			/** GET /api/requests/:id/candidates?limit=8, end to end over HTTP. */
			candidates: Summary;
			/** GET /api/session: the same HTTP and session work with no ranking, the floor. */
			floor: Summary;
			/** p50 of candidates minus p50 of the floor: about what ranking itself adds. */
			addedP50: number;
			/** The requests ranked, for the in-process run. */
			requestIds: string[];
			/** The search and ranking themselves (listCandidates), called in-process: no HTTP, no session. */
			inProcess?: InProcessRanking;
	  };

export interface InProcessRanking {
	/** listCandidates on its own pool: its database reads and the ranking. */
	search: Summary;
	/** `select 1` on the same pool: one database round trip, the floor under every read. */
	roundTrip: Summary;
}

/**
 * Candidate ranking through the endpoint a dispatcher's board calls, with the volunteers the
 * bench inserted. Calls run one at a time, so each figure is one request's own latency.
 */
export async function measureRanking(url: string, driver: BenchUser, buildings: BuildingPoint[], volunteers: number, calls: number): Promise<RankingResult> {
	// One request of each type, in different corners of the community.
	const requests: RequestView[] = [];
	for (const [i, type] of REQUEST_TYPES.entries()) {
		const building = buildings[Math.floor(((i + 0.5) * buildings.length) / REQUEST_TYPES.length)];
		const created = await expectStatus<RequestView>(201, 'POST', `${url}/api/requests`, {
			cookie: driver.cookie,
			body: { type, buildingId: building.id, description: '基准测试：排序候选人' }
		});
		requests.push(created.body);
	}
	const probe = await timedRequest(`GET`, `${url}/api/requests/${requests[0].id}/candidates?limit=8`, { cookie: driver.cookie });
	if (probe.status === 404) return { skipped: true, reason: 'GET /api/requests/:id/candidates answers 404 in this build (the ranking endpoint is not merged yet)' };
	if (probe.status !== 200) throw new Error(`candidates answered ${probe.status}: ${JSON.stringify(probe.body).slice(0, 300)}`);

	// Each ranking call is followed by a floor call, so a noisy neighbour hurts both alike.
	const candidates: number[] = [];
	const floor: number[] = [];
	for (let i = 0; i < calls + WARM_UP; i++) {
		const request = requests[i % requests.length];
		const ranked = await expectStatus(200, 'GET', `${url}/api/requests/${request.id}/candidates?limit=8`, { cookie: driver.cookie });
		const bare = await expectStatus(200, 'GET', `${url}/api/session`, { cookie: driver.cookie });
		if (i < WARM_UP) continue;
		candidates.push(ranked.returnedAt - ranked.sentAt);
		floor.push(bare.returnedAt - bare.sentAt);
	}
	const a = summarize(candidates);
	const b = summarize(floor);
	return { skipped: false, volunteers, calls, candidates: a, floor: b, addedP50: a.p50 - b.p50, requestIds: requests.map((r) => r.id) };
}

/**
 * The same ranking as the endpoint, called as the app calls it but from this process on a
 * pool of its own: what the search and ranking cost without HTTP, cookies and JSON. Each call
 * is paired with a bare round trip, so a noisy neighbour hurts both alike.
 */
export async function measureRankingInProcess(db: Kysely<Database>, requestIds: string[], calls: number): Promise<InProcessRanking> {
	const deps = { db, now: () => new Date(), publisher: { publish() {} } };
	const actor = { userId: '00000000-0000-4000-8000-000000000000', role: 'dispatcher' as const, volunteerId: null, name: 'bench' };
	const search: number[] = [];
	const roundTrip: number[] = [];
	for (let i = 0; i < calls + WARM_UP; i++) {
		let started = performance.now();
		await listCandidates(deps, actor, requestIds[i % requestIds.length], 8);
		const searched = performance.now() - started;
		started = performance.now();
		await sql`select 1`.execute(db);
		const bare = performance.now() - started;
		if (i < WARM_UP) continue;
		search.push(searched);
		roundTrip.push(bare);
	}
	return { search: summarize(search), roundTrip: summarize(roundTrip) };
}
