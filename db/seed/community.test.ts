import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { generateCommunity, type Community, type SeedBuilding, type SeedRequest } from './community';
import { nextStatus, type Action } from '../../src/lib/dispatch/lifecycle';
import type { Status } from '../../src/lib/dispatch/vocabulary';

// 14:30 China time on a Wednesday: the usual moment someone opens the demo.
const NOW = new Date('2026-12-02T06:30:00Z');
const community = generateCommunity(NOW);

// A few other seeds and times of day (early morning, late evening) for the invariants.
const VARIANTS: [string, Date, number | undefined][] = [
	['default', NOW, undefined],
	['seed 7, 07:05 China time', new Date('2026-12-05T23:05:00Z'), 7],
	['seed 99, 21:40 China time', new Date('2027-03-14T13:40:00Z'), 99]
];

const STAFF = new Set(['dispatcher', 'dispatcher2', 'coordinator']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = 111_320 * Math.cos((30.99 * Math.PI) / 180);

/** A footprint's corners in metres around (30.99, 105.89), without the closing repeat. */
function metres(b: SeedBuilding): [number, number][] {
	return b.footprint.coordinates[0]!.slice(0, -1).map(([lng, lat]) => [(lng - 105.89) * M_PER_DEG_LNG, (lat - 30.99) * M_PER_DEG_LAT]);
}
const sideLengths = (pts: [number, number][]) =>
	pts.map((p, i) => Math.hypot(pts[(i + 1) % pts.length]![0] - p[0], pts[(i + 1) % pts.length]![1] - p[1]));

/** Separating-axis test for convex polygons: true when some edge normal separates them by at least `gap`. */
function separated(a: [number, number][], b: [number, number][], gap: number): boolean {
	for (const poly of [a, b]) {
		for (const [i, [x1, y1]] of poly.entries()) {
			const [x2, y2] = poly[(i + 1) % poly.length]!;
			const len = Math.hypot(x2 - x1, y2 - y1);
			const axis: [number, number] = [(y1 - y2) / len, (x2 - x1) / len];
			const project = (p: [number, number][]) => p.map(([x, y]) => x * axis[0] + y * axis[1]);
			const [pa, pb] = [project(a), project(b)];
			if (Math.min(...pb) - Math.max(...pa) >= gap || Math.min(...pa) - Math.max(...pb) >= gap) return true;
		}
	}
	return false;
}

const statusOf = (r: SeedRequest): Status => replay(r, new Map()).status;

/** Replays a request's steps through the app's lifecycle table, failing on the first illegal step. */
function replay(r: SeedRequest, volunteers: Map<string, Community['volunteers'][number]>): { status: Status; assignee: string | null } {
	expect(r.steps[0]!.action).toBe('create');
	expect(STAFF.has(r.steps[0]!.actor)).toBe(true);
	expect(r.steps[0]!.volunteerId).toBeNull();
	let status: Status = 'open';
	let assignee: string | null = null;
	for (const step of r.steps.slice(1)) {
		const where = `${r.id} ${step.action} from ${status}`;
		const next: Status | null = step.action === 'create' ? null : nextStatus(status, step.action as Action);
		expect(next, where).not.toBeNull();
		if (step.action === 'assign' || step.action === 'cancel') {
			expect(STAFF.has(step.actor), where).toBe(true);
		} else if (volunteers.size > 0) {
			expect(step.actor, where).toBe(volunteers.get(assignee!)?.username);
		}
		if (step.action === 'assign') {
			expect(step.volunteerId, where).not.toBeNull();
			if (volunteers.size > 0) expect(volunteers.get(step.volunteerId!)?.skills, where).toContain(r.type);
			assignee = step.volunteerId;
		} else if (step.action === 'decline' || (step.action === 'cancel' && status === 'open')) {
			assignee = null;
		}
		expect(step.volunteerId, where).toBe(assignee);
		status = next!;
	}
	return { status, assignee };
}

describe('generateCommunity', () => {
	it('is deterministic for the same now and seed, and varies with the seed', () => {
		expect(generateCommunity(NOW)).toEqual(community);
		expect(generateCommunity(new Date(NOW), 7)).toEqual(generateCommunity(new Date(NOW), 7));
		expect(generateCommunity(NOW, 7).volunteers[0]!.id).not.toBe(community.volunteers[0]!.id);
	});

	it("is part one's demo, byte for byte: the county's other communities never change 大田坝", () => {
		// Pinned: any change to this community's generator (or the randomness it draws) shows here.
		const digest = createHash('sha256').update(JSON.stringify(community)).digest('hex');
		expect(digest).toBe('ba00f4d0bd0375d96fe4f97fc5ce6c843b74c127d0d284de4d8425520e034aae');
	});

	it('keeps buildings, people and ids independent of now, so logins can be listed without a clock', () => {
		const later = generateCommunity(new Date('2031-06-01T02:00:00Z'));
		expect(later.buildings).toEqual(community.buildings);
		expect(later.volunteers).toEqual(community.volunteers);
		expect(later.elders.map((e) => [e.id, e.name, e.planVolunteerId])).toEqual(
			community.elders.map((e) => [e.id, e.name, e.planVolunteerId])
		);
	});

	it('has the buildings the demo script talks about', () => {
		const byKind = (k: string) => community.buildings.filter((b) => b.kind === k);
		expect(
			byKind('residential')
				.map((b) => b.name)
				.sort()
		).toEqual(Array.from({ length: 206 }, (_, i) => `${i + 1}栋`).sort());
		expect(byKind('shop')).toHaveLength(61);
		expect(byKind('public').filter((b) => b.name === '社区服务中心')).toHaveLength(1);
		expect(byKind('public').length).toBeGreaterThan(2);
		expect(new Set(community.buildings.map((b) => b.name)).size).toBe(community.buildings.length);
		expect(community.buildings.every((b) => b.street.length > 0)).toBe(true);
	});

	it('has the staff and 48 volunteers with the demo logins vol01–vol03 on duty', () => {
		expect(community.staff).toEqual([
			{ username: 'dispatcher', name: '王芳', role: 'dispatcher' },
			{ username: 'dispatcher2', name: '李强', role: 'dispatcher' },
			{ username: 'coordinator', name: '张敏', role: 'coordinator' }
		]);
		const vols = community.volunteers;
		expect(vols.map((v) => v.username)).toEqual(Array.from({ length: 48 }, (_, i) => `vol${String(i + 1).padStart(2, '0')}`));
		expect(new Set(vols.map((v) => v.name)).size).toBe(48);
		expect(new Set(vols.map((v) => v.phone)).size).toBe(48);
		expect(vols.every((v) => /^1[3-9]\d{9}$/.test(v.phone) && v.skills.includes(v.team))).toBe(true);
		expect(vols.every((v) => new Set(v.skills).size === v.skills.length)).toBe(true);
		const team = (t: string) => vols.filter((v) => v.team === t).length;
		expect([team('haircut'), team('repair'), team('elder_visit')]).toEqual([12, 14, 22]);
		expect(vols.filter((v) => v.skills.length > 1).length).toBeGreaterThanOrEqual(12);
		expect(vols.filter((v) => v.available).length).toBeGreaterThanOrEqual(25);
		expect(vols.filter((v) => v.available).length).toBeLessThanOrEqual(33);
		const [v1, v2, v3] = vols;
		if (!v1 || !v2 || !v3) throw new Error('expected at least three volunteers');
		expect([v1.team, v2.team, v3.team]).toEqual(['haircut', 'repair', 'elder_visit']);
		expect(v1.skills).toContain('haircut');
		expect([v1.available, v2.available, v3.available]).toEqual([true, true, true]);
		const homes = new Map(community.buildings.map((b) => [b.id, b.kind]));
		expect(vols.every((v) => homes.get(v.homeBuildingId) === 'residential')).toBe(true);
	});

	it('gives every record a unique UUID-v4-shaped id', () => {
		const c = community;
		const ids = [...c.buildings, ...c.volunteers, ...c.elders, ...c.requests].map((x) => x.id);
		expect(ids.every((id) => UUID.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
	});

	describe.each(VARIANTS)('map (%s)', (_, now, seed) => {
		const { buildings } = generateCommunity(now, seed);

		it('has closed footprints whose centroid is lat/lng, within 1 km of the community centre', () => {
			for (const b of buildings) {
				const ring = b.footprint.coordinates[0]!;
				expect(b.footprint.type).toBe('Polygon');
				expect(ring).toHaveLength(5); // also fails if there is no ring
				expect(ring[4]).toEqual(ring[0]);
				expect(b.lng).toBeCloseTo(ring.slice(0, 4).reduce((s, p) => s + p[0], 0) / 4, 6);
				expect(b.lat).toBeCloseTo(ring.slice(0, 4).reduce((s, p) => s + p[1], 0) / 4, 6);
				expect(Math.hypot((b.lng - 105.89) * M_PER_DEG_LNG, (b.lat - 30.99) * M_PER_DEG_LAT)).toBeLessThan(1000);
			}
		});

		it('sizes buildings like real ones: slab blocks, small shops, larger public buildings', () => {
			for (const b of buildings) {
				const sides = sideLengths(metres(b));
				const [long, short] = [Math.max(...sides), Math.min(...sides)];
				if (b.kind === 'residential') {
					expect(long).toBeGreaterThanOrEqual(30);
					expect(long).toBeLessThanOrEqual(60);
					expect(short).toBeGreaterThanOrEqual(10);
					expect(short).toBeLessThanOrEqual(14);
				} else if (b.kind === 'shop') {
					expect(short).toBeGreaterThanOrEqual(7.5);
					expect(long).toBeLessThanOrEqual(15.1);
				} else {
					expect(long * short).toBeGreaterThan(400);
				}
			}
		});

		it('never lets two footprints overlap (at least 1 m apart)', () => {
			const polys = buildings.map(metres);
			const overlaps: string[] = [];
			for (let i = 0; i < polys.length; i++) {
				for (let j = i + 1; j < polys.length; j++) {
					if (!separated(polys[i]!, polys[j]!, 1)) overlaps.push(`${buildings[i]!.name} × ${buildings[j]!.name}`);
				}
			}
			expect(overlaps).toEqual([]);
		});

		it('numbers blocks so that N栋 and N+1栋 are neighbours, even across compounds', () => {
			const centre = new Map(buildings.map((b) => [b.name, [b.lng * M_PER_DEG_LNG, b.lat * M_PER_DEG_LAT] as const]));
			const steps = Array.from({ length: 205 }, (_, i) => {
				const [a, b] = [centre.get(`${i + 1}栋`)!, centre.get(`${i + 2}栋`)!];
				return Math.hypot(a[0] - b[0], a[1] - b[1]);
			}).sort((a, b) => a - b);
			expect(steps[102]).toBeLessThan(70); // the median: the next block along the row
			expect(steps[204]).toBeLessThan(200); // the worst: across a street or a garden
		});
	});

	it('gives each isolated elder a weekly plan with an elder_visit volunteer, due within the week', () => {
		const vols = new Map(community.volunteers.map((v) => [v.id, v]));
		const buildings = new Map(community.buildings.map((b) => [b.id, b]));
		expect(community.elders).toHaveLength(18);
		expect(new Set(community.elders.map((e) => e.name)).size).toBe(18);
		for (const e of community.elders) {
			expect(vols.get(e.planVolunteerId)?.skills).toContain('elder_visit');
			expect(buildings.get(e.buildingId)?.kind).toBe('residential');
			expect(e.intervalDays).toBe(7);
			expect(e.unit).toMatch(/^\d单元\d0\d$/);
			expect(e.notes.length).toBeGreaterThan(0);
			expect(e.nextDueAt.getTime()).toBeGreaterThan(NOW.getTime() - 24 * 3_600_000);
			expect(e.nextDueAt.getTime()).toBeLessThanOrEqual(NOW.getTime() + 7 * 24 * 3_600_000);
		}
		expect(community.elders.filter((e) => e.nextDueAt < NOW).length).toBeGreaterThan(0);
		expect(community.elders.some((e) => e.planVolunteerId === community.volunteers[2]!.id)).toBe(true);
	});

	describe.each(VARIANTS)('requests (%s)', (_, now, seed) => {
		const c = generateCommunity(now, seed);
		const vols = new Map(c.volunteers.map((v) => [v.id, v]));
		const buildings = new Map(c.buildings.map((b) => [b.id, b]));
		const elders = new Map(c.elders.map((e) => [e.id, e]));

		it('follow the lifecycle with the right actors and skills', () => {
			for (const r of c.requests) replay(r, vols);
		});

		it('happen strictly before now, in order, within about three weeks', () => {
			for (const r of c.requests) {
				for (let i = 1; i < r.steps.length; i++) expect(r.steps[i]!.at.getTime()).toBeGreaterThan(r.steps[i - 1]!.at.getTime());
				expect(r.steps[r.steps.length - 1]!.at.getTime()).toBeLessThan(now.getTime());
				expect(r.steps[0]!.at.getTime()).toBeGreaterThan(now.getTime() - 23 * 24 * 3_600_000);
			}
		});

		it('point at real buildings and elders, with plausible details', () => {
			for (const r of c.requests) {
				expect(buildings.has(r.buildingId)).toBe(true);
				expect(r.description.length).toBeGreaterThan(0);
				expect(r.unit.length).toBeLessThanOrEqual(40);
				expect(r.contactName.length).toBeGreaterThan(0);
				expect(r.contactPhone).toMatch(/^1\d{10}$/);
				if (r.elderId) {
					expect(r.type).toBe('elder_visit');
					expect(r.buildingId).toBe(elders.get(r.elderId)?.buildingId);
				}
				if (r.type === 'haircut') expect(buildings.get(r.buildingId)?.kind).toBe('residential');
				const complete = r.steps.find((s) => s.action === 'complete');
				if (complete) expect(complete.note).toBeTruthy();
				const cancel = r.steps.find((s) => s.action === 'cancel');
				if (cancel) expect(cancel.note).toBeTruthy();
			}
		});

		it('has a realistic mix of types and outcomes', () => {
			const n = c.requests.length;
			expect(n).toBeGreaterThanOrEqual(21 * 8);
			expect(n).toBeLessThanOrEqual(22 * 15);
			const share = (pred: (r: SeedRequest) => boolean) => c.requests.filter(pred).length / n;
			expect(share((r) => r.type === 'haircut')).toBeCloseTo(0.35, 1);
			expect(share((r) => r.type === 'repair')).toBeCloseTo(0.4, 1);
			expect(share((r) => r.type === 'elder_visit')).toBeCloseTo(0.25, 1);
			const visits = c.requests.filter((r) => r.type === 'elder_visit');
			expect(visits.filter((r) => r.elderId).length / visits.length).toBeGreaterThan(0.75);
			expect(share((r) => statusOf(r) === 'completed')).toBeGreaterThan(0.8);
			expect(share((r) => statusOf(r) === 'cancelled')).toBeGreaterThan(0.03);
			expect(share((r) => statusOf(r) === 'cancelled')).toBeLessThan(0.14);
			expect(c.requests.some((r) => r.steps.some((s) => s.action === 'decline'))).toBe(true);
		});

		it('assigns plan visits to the plan volunteer unless they declined', () => {
			for (const r of c.requests.filter((r) => r.elderId)) {
				const firstAssign = r.steps.find((s) => s.action === 'assign');
				if (firstAssign) expect(firstAssign.volunteerId).toBe(elders.get(r.elderId!)?.planVolunteerId);
			}
		});

		it('leaves a live board of about six active requests, each volunteer on one task at most', () => {
			const active = c.requests.filter((r) => !['completed', 'cancelled'].includes(statusOf(r)));
			const statuses = active.map(statusOf).sort();
			expect(statuses).toEqual(['accepted', 'assigned', 'assigned', 'in_progress', 'open', 'open']);
			const assignees = active.map((r) => replay(r, vols).assignee).filter((a) => a !== null);
			expect(new Set(assignees).size).toBe(assignees.length);
			expect(assignees.every((id) => vols.get(id!)?.available)).toBe(true);
			expect(active.every((r) => now.getTime() - r.steps[0]!.at.getTime() < 3 * 3_600_000)).toBe(true);
		});
	});
});
