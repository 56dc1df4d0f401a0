// The statistics service against the demo community, checked by an independent computation
// in plain JavaScript over the raw rows: a different engine, the same definitions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { countyActor } from '../helpers/factories';
import { openInProcess, type InProcessApp } from '../helpers/in-process';
import { readHistoryStats } from '../../src/lib/server/services/history-stats';
import { statsQuerySchema } from '../../src/lib/api/history-schemas';
import type { RequestRow } from '../../src/lib/server/db/schema';

const SEEDED_AT = new Date('2026-11-20T10:00:00.000Z');
const HOUR = 3_600_000;

/** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
function percentile(values: number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const position = p * (sorted.length - 1);
	const lower = Math.floor(position);
	const upper = Math.ceil(position);
	// Both ranks lie within the non-empty list.
	return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

const seconds = (from: Date | null, to: Date | null) => (from && to ? (to.getTime() - from.getTime()) / 1000 : null);
const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const finishedAt = (r: RequestRow) => (r.completed_at ?? r.cancelled_at)!;

function expected(rows: RequestRow[], from: Date, to: Date, match: (r: RequestRow) => boolean) {
	const inPeriod = rows.filter(
		(r) => (r.status === 'completed' || r.status === 'cancelled') && match(r) && finishedAt(r) >= from && finishedAt(r) < to
	);
	const completed = inPeriod.filter((r) => r.status === 'completed');
	const stage = (values: (number | null)[]) => {
		const v = present(values);
		return { median: percentile(v, 0.5), p90: percentile(v, 0.9), count: v.length };
	};
	const perDay = new Map<string, number>();
	for (const r of inPeriod) {
		// China time is UTC+8 all year round.
		const key = `${new Date(finishedAt(r).getTime() + 8 * HOUR).toISOString().slice(0, 10)}|${r.type}`;
		perDay.set(key, (perDay.get(key) ?? 0) + 1);
	}
	const perVolunteer = new Map<string, { completed: number; hours: number }>();
	for (const r of completed) {
		const entry = perVolunteer.get(r.assignee_id!) ?? { completed: 0, hours: 0 };
		entry.completed += 1;
		entry.hours += (r.completed_at!.getTime() - r.started_at!.getTime()) / HOUR;
		perVolunteer.set(r.assignee_id!, entry);
	}
	const perBuilding = new Map<string, number>();
	for (const r of inPeriod) perBuilding.set(r.building_id, (perBuilding.get(r.building_id) ?? 0) + 1);
	const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
	const withAssignBy = inPeriod.filter((r) => r.assign_by);
	const withCompleteBy = completed.filter((r) => r.complete_by);
	const rated = completed.filter((r) => r.feedback_rating !== null);
	const reopenedIds = new Set(rows.map((r) => r.reopen_of).filter((id) => id !== null));
	const kpis = {
		assignedOnTime: share(withAssignBy.filter((r) => r.assigned_at && r.assigned_at <= r.assign_by!).length, withAssignBy.length),
		completedOnTime: share(withCompleteBy.filter((r) => r.completed_at! <= r.complete_by!).length, withCompleteBy.length),
		rated: share(rated.length, completed.length),
		satisfied: share(rated.filter((r) => r.feedback_rating! >= 4).length, rated.length),
		reopened: share(completed.filter((r) => reopenedIds.has(r.id)).length, completed.length)
	};
	return {
		kpis,
		finished: inPeriod.length,
		completed: completed.length,
		cancelled: inPeriod.length - completed.length,
		toAssign: stage(inPeriod.map((r) => seconds(r.created_at, r.assigned_at))),
		toAccept: stage(inPeriod.map((r) => (r.assigned_at && r.accepted_at ? seconds(r.assigned_at, r.accepted_at) : null))),
		toComplete: stage(inPeriod.map((r) => seconds(r.accepted_at, r.completed_at))),
		hours: completed.reduce((sum, r) => sum + (r.completed_at!.getTime() - r.started_at!.getTime()) / HOUR, 0),
		perDay,
		perVolunteer,
		perBuilding
	};
}

describe(`history statistics on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let app: InProcessApp;
	let rows: RequestRow[];

	beforeAll(async () => {
		database = await createTestDatabase(engine);
		app = await openInProcess(database.target, { seedAt: SEEDED_AT, now: () => SEEDED_AT });
		// The demo has no deadlines nor ratings yet: give every other request deadlines (some met,
		// some missed), rate some completed ones, and reopen the low ones, so the KPIs have figures.
		const seeded = await app.db.selectFrom('requests').selectAll().orderBy('id').execute();
		for (const [i, r] of seeded.entries()) {
			if (i % 2 === 1) continue;
			const rating = r.status === 'completed' && i % 3 === 0 ? 1 + (i % 5) : null;
			await app.db
				.updateTable('requests')
				.set({
					version: r.version + 1,
					assign_by: new Date(r.created_at.getTime() + (i % 4 === 0 ? 5 : 60) * 60_000),
					complete_by: new Date(r.created_at.getTime() + (i % 8 === 0 ? 1 : 24) * HOUR),
					feedback_rating: rating,
					feedback_via: rating === null ? null : 'resident',
					feedback_at: rating === null ? null : SEEDED_AT
				})
				.where('id', '=', r.id)
				.execute();
			if (rating !== null && rating <= 2) {
				await app.db
					.insertInto('requests')
					.values({
						community_id: r.community_id,
						type: r.type,
						building_id: r.building_id,
						unit: r.unit,
						description: r.description,
						urgency: r.urgency,
						created_at: SEEDED_AT,
						reopen_of: r.id
					})
					.execute();
			}
		}
		rows = await app.db.selectFrom('requests').selectAll().execute();
		expect(rows.filter((r) => r.reopen_of !== null).length).toBeGreaterThan(0);
	});
	afterAll(async () => {
		await app?.close();
		await database?.drop();
	});

	async function compare(query: Record<string, string>, match: (r: RequestRow) => boolean) {
		const parsed = statsQuerySchema.parse(query);
		const stats = await readHistoryStats(app.deps, { ...parsed, communityIds: (await countyActor(app.db)).communityIds });
		const from = new Date(stats.current.from);
		const to = new Date(stats.current.to);
		const want = expected(rows, from, to, match);
		expect(want.finished).toBeGreaterThan(0);

		const { current } = stats;
		expect({ finished: current.finished, completed: current.completed, cancelled: current.cancelled }).toEqual({
			finished: want.finished,
			completed: want.completed,
			cancelled: want.cancelled
		});
		for (const key of ['toAssign', 'toAccept', 'toComplete'] as const) {
			expect(current[key].count, key).toBe(want[key].count);
			expect(current[key].median, `${key} median`).toBeCloseTo(want[key].median!, 6);
			expect(current[key].p90, `${key} p90`).toBeCloseTo(want[key].p90!, 6);
		}
		expect(current.hours).toBeCloseTo(want.hours, 6);
		for (const key of ['assignedOnTime', 'completedOnTime', 'rated', 'satisfied', 'reopened'] as const) {
			if (want.kpis[key] === null) expect(current.kpis[key], key).toBeNull();
			else expect(current.kpis[key], key).toBeCloseTo(want.kpis[key], 9);
		}
		expect(stats.kpis).toEqual(current.kpis);
		expect(Object.values(current.kpis).filter((v) => v !== null && v > 0 && v < 1).length, 'KPIs with figures').toBeGreaterThanOrEqual(3);

		const perDay = new Map<string, number>();
		for (const day of stats.perDay)
			for (const [type, count] of Object.entries(day.counts)) if (count) perDay.set(`${day.day}|${type}`, count);
		expect(perDay).toEqual(want.perDay);

		expect(stats.volunteers.length).toBe(want.perVolunteer.size);
		for (const v of stats.volunteers) {
			expect(v.completed).toBe(want.perVolunteer.get(v.volunteerId)!.completed);
			expect(v.hours).toBeCloseTo(want.perVolunteer.get(v.volunteerId)!.hours, 6);
		}
		expect(new Map(stats.buildings.map((b) => [b.buildingId, b.count]))).toEqual(want.perBuilding);

		// Communities side by side: each the same figures over its own rows, quiet ones with zeros.
		const communities = await app.db.selectFrom('areas').select('id').where('kind', '=', 'community').execute();
		expect(new Set(stats.byCommunity.map((c) => c.communityId))).toEqual(new Set(communities.map((c) => c.id)));
		for (const community of stats.byCommunity) {
			const own = expected(rows, from, to, (r) => match(r) && r.community_id === community.communityId);
			expect([community.finished, community.completed, community.cancelled], community.name).toEqual([
				own.finished,
				own.completed,
				own.cancelled
			]);
			for (const key of ['toAssign', 'toAccept', 'toComplete'] as const) {
				expect(community[key].count, `${community.name} ${key}`).toBe(own[key].count);
				if (own[key].median === null) expect(community[key].median).toBeNull();
				else expect(community[key].median, `${community.name} ${key} median`).toBeCloseTo(own[key].median, 6);
				if (own[key].p90 === null) expect(community[key].p90).toBeNull();
				else expect(community[key].p90, `${community.name} ${key} p90`).toBeCloseTo(own[key].p90, 6);
			}
			expect(community.hours, `${community.name} hours`).toBeCloseTo(own.hours, 6);
		}
		expect(stats.byCommunity.reduce((sum, c) => sum + c.finished, 0)).toBe(current.finished);
		expect(stats.buildings.map((b) => b.count)).toEqual([...stats.buildings.map((b) => b.count)].sort((a, b) => b - a));

		const before = expected(rows, new Date(stats.previous.from), new Date(stats.previous.to), match);
		expect(stats.previous.finished).toBe(before.finished);
		if (before.toAssign.median !== null) expect(stats.previous.toAssign.median).toBeCloseTo(before.toAssign.median, 6);
		expect(new Date(stats.previous.to).getTime()).toBe(from.getTime());
		expect(to.getTime() - from.getTime()).toBe(new Date(stats.previous.to).getTime() - new Date(stats.previous.from).getTime());
		return stats;
	}

	it('matches over the last two weeks of the demo', async () => {
		const stats = await compare({ from: '2026-11-07', to: '2026-11-20' }, () => true);
		expect(stats.perDay).toHaveLength(14);
	});

	it('matches with a type filter', async () => {
		await compare({ from: '2026-11-01', to: '2026-11-20', type: 'repair' }, (r) => r.type === 'repair');
	});

	it('matches for one volunteer and for cancelled requests only', async () => {
		const busiest = [
			...rows
				.filter((r) => r.status === 'completed')
				.reduce((m, r) => m.set(r.assignee_id!, (m.get(r.assignee_id!) ?? 0) + 1), new Map<string, number>())
		].sort((a, b) => b[1] - a[1])[0]![0];
		await compare({ from: '2026-11-01', to: '2026-11-20', volunteerId: busiest }, (r) => r.assignee_id === busiest);
		const cancelled = statsQuerySchema.parse({ from: '2026-10-25', to: '2026-11-20', status: 'cancelled' });
		const stats = await readHistoryStats(app.deps, { ...cancelled, communityIds: (await countyActor(app.db)).communityIds });
		expect(stats.current.completed).toBe(0);
		expect(stats.current.cancelled).toBe(stats.current.finished);
		expect(stats.current.cancelled).toBe(
			expected(rows, new Date(stats.current.from), new Date(stats.current.to), (r) => r.status === 'cancelled').finished
		);
	});

	it('defaults to the last 30 community days, ending with today', async () => {
		const stats = await readHistoryStats(app.deps, {
			...statsQuerySchema.parse({}),
			communityIds: (await countyActor(app.db)).communityIds
		});
		expect(stats.current.to).toBe('2026-11-20T16:00:00.000Z');
		expect(stats.perDay).toHaveLength(30);
		expect(stats.perDay.at(-1)!.day).toBe('2026-11-20');
	});
});
