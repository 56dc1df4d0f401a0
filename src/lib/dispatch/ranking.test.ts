import { describe, expect, it } from 'vitest';
import { RANKING_WEIGHTS, declinersLast, rankCandidates, workloadMeters, type CandidateInput, type RankedRequest } from './ranking';
import { EARTH_RADIUS_M } from './geo';

const building = { lat: 30.99, lng: 105.89 };
const repair: RankedRequest = { type: 'repair', ...building };
const visit: RankedRequest = { type: 'elder_visit', ...building };
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

/** A free, on-duty volunteer standing `north` metres north of the building. */
function volunteer(id: string, north: number, extra: Partial<CandidateInput> = {}): CandidateInput {
	return {
		id,
		name: `V${id}`,
		lat: building.lat + north / METRES_PER_DEGREE,
		lng: building.lng,
		activeCount: 0,
		tasksToday: 0,
		isPlannedVisitor: false,
		visitedLast: false,
		online: false,
		...extra
	};
}
const order = (ranked: { volunteerId: string }[]) => ranked.map((r) => r.volunteerId);

describe('rankCandidates', () => {
	it('puts the nearer of two free volunteers first, with whole-metre distances', () => {
		const ranked = rankCandidates(repair, [volunteer('far', 600), volunteer('near', 280)]);
		expect(order(ranked)).toEqual(['near', 'far']);
		expect(ranked.map((r) => r.distanceM)).toEqual([280, 600]);
		expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
		expect(ranked[0]!.score).toBeCloseTo(-280, 0);
	});

	it('lets workload beat a small distance, but not a large one', () => {
		const busyNeighbour = volunteer('busy', 100, { activeCount: 1 });
		expect(order(rankCandidates(repair, [busyNeighbour, volunteer('free', 300)]))).toEqual(['free', 'busy']);
		expect(order(rankCandidates(repair, [busyNeighbour, volunteer('free', 500)]))).toEqual(['busy', 'free']);
	});

	it('breaks a tie in distance and workload by fewer tasks today', () => {
		const ranked = rankCandidates(repair, [volunteer('a', 200, { tasksToday: 3 }), volunteer('b', 200, { tasksToday: 1 })]);
		expect(order(ranked)).toEqual(['b', 'a']);
		expect(ranked[0]!.score - ranked[1]!.score).toBeCloseTo(2 * RANKING_WEIGHTS.metresPerTaskToday, 1);
	});

	it('keeps fairness small: a few tasks today do not outweigh a long walk', () => {
		expect(order(rankCandidates(repair, [volunteer('tired', 100, { tasksToday: 2 }), volunteer('fresh', 400)]))).toEqual([
			'tired',
			'fresh'
		]);
	});

	it('prefers the planned visitor, then the last visitor, for an elder visit even from farther away', () => {
		const candidates = [
			volunteer('near', 50),
			volunteer('last', 700, { visitedLast: true }),
			volunteer('plan', 900, { isPlannedVisitor: true })
		];
		const ranked = rankCandidates(visit, candidates);
		expect(order(ranked)).toEqual(['plan', 'last', 'near']);
		expect(ranked.map((r) => r.continuity)).toEqual(['planned', 'last', null]);
	});

	it('shows a planned visitor who also went last as planned, and does not add both bonuses', () => {
		const both = volunteer('both', 900, { isPlannedVisitor: true, visitedLast: true });
		const planOnly = volunteer('plan', 900, { isPlannedVisitor: true });
		const [a, b] = [rankCandidates(visit, [both])[0]!, rankCandidates(visit, [planOnly])[0]!];
		expect(a.continuity).toBe('planned');
		expect(a.score).toBe(b.score);
	});

	it('ignores continuity for other request types', () => {
		const candidates = [volunteer('near', 50), volunteer('plan', 900, { isPlannedVisitor: true, visitedLast: true })];
		const ranked = rankCandidates({ ...visit, type: 'haircut' }, candidates);
		expect(order(ranked)).toEqual(['near', 'plan']);
		expect(ranked.map((r) => r.continuity)).toEqual([null, null]);
	});

	it('breaks exact ties by volunteer id, whatever the input order', () => {
		const same = ['c', 'a', 'b'].map((id) => volunteer(id, 250, { activeCount: 1 }));
		expect(order(rankCandidates(repair, same))).toEqual(['a', 'b', 'c']);
		expect(order(rankCandidates(repair, [...same].reverse()))).toEqual(['a', 'b', 'c']);
	});

	it('keeps the best `limit`, passes presence and position through, and scores a volunteer at the door 0', () => {
		const ranked = rankCandidates(repair, [volunteer('x', 0, { online: true }), volunteer('y', 10), volunteer('z', 20)], { limit: 2 });
		expect(order(ranked)).toEqual(['x', 'y']);
		expect(ranked[0]).toEqual({
			volunteerId: 'x',
			name: 'Vx',
			distanceM: 0,
			activeCount: 0,
			tasksToday: 0,
			continuity: null,
			online: true,
			lat: building.lat,
			lng: building.lng,
			score: 0
		});
		expect(Object.is(ranked[0]!.score, -0)).toBe(false);
	});

	it('prices workload as documented and honours other weights', () => {
		expect(workloadMeters({ activeCount: 2, tasksToday: 3 })).toBe(2 * 300 + 3 * 50);
		const weights = { ...RANKING_WEIGHTS, metresPerActiveTask: 0 };
		expect(order(rankCandidates(repair, [volunteer('busy', 100, { activeCount: 5 }), volunteer('free', 300)], { weights }))).toEqual([
			'busy',
			'free'
		]);
	});

	it('puts every online volunteer above every offline one, however far', () => {
		const offlineNear = Array.from({ length: 8 }, (_, i) => volunteer(`near${i}`, 20 + i * 10));
		const ranked = rankCandidates(repair, [...offlineNear, volunteer('online', 3000, { online: true, activeCount: 3 })]);
		expect(order(ranked)[0]).toBe('online');
		expect(order(ranked).slice(1)).toEqual(offlineNear.map((v) => v.id));
	});

	it('puts the planned visitor of an elder visit first even offline, and above the online', () => {
		const candidates = [volunteer('online', 10, { online: true }), volunteer('plan', 900, { isPlannedVisitor: true })];
		expect(order(rankCandidates(visit, candidates))).toEqual(['plan', 'online']);
		// Any other request: the same volunteer is just offline.
		expect(order(rankCandidates(repair, candidates))).toEqual(['online', 'plan']);
	});

	it('returns nothing for no candidates', () => {
		expect(rankCandidates(repair, [])).toEqual([]);
	});
});

describe('declinersLast', () => {
	const entry = (volunteerId: string, online = false) => ({ volunteerId, online, continuity: null });

	it('moves those who declined after the rest, keeping each part in ranking order', () => {
		const ranked = ['a', 'b', 'c', 'd', 'e'].map((id) => entry(id));
		expect(declinersLast(ranked, new Set(['b', 'd'])).map((c) => c.volunteerId)).toEqual(['a', 'c', 'e', 'b', 'd']);
		expect(declinersLast(ranked, new Set()).map((c) => c.volunteerId)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(declinersLast(ranked, new Set(['a', 'b', 'c', 'd', 'e'])).map((c) => c.volunteerId)).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('puts an online decliner after everyone offline too: they have said no', () => {
		const ranked = [entry('on1', true), entry('on2', true), entry('off1'), entry('off2')];
		expect(declinersLast(ranked, new Set(['on1', 'off1'])).map((c) => c.volunteerId)).toEqual(['on2', 'off2', 'on1', 'off1']);
	});
});
