// Coordinators create and edit visit plans; the volunteer must visit elders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, signIn } from '../helpers/clients';
import type { ElderView, VisitPlanView } from '../../src/lib/api/history-types';
import type { RequestView, TimelineEntry } from '../../src/lib/api/types';

describe(`the visit plans API on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let call: ReturnType<typeof apiClient>;
	let visitorId: string;
	let repairerId: string;
	let datianba: string;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await startServer(database.env);
		call = apiClient(server.url, await signIn(server.url, 'coordinator'));
		// The county coordinator narrows to 大田坝, the demo of part one these figures are about.
		const areas = (await call<{ id: string; name: string }[]>('GET', '/api/areas')).body;
		datianba = `communityId=${areas.find((a) => a.name === '大田坝社区')!.id}`;
		const volunteers = (await call<{ id: string; skills: string[] }[]>('GET', `/api/volunteers?${datianba}`)).body;
		visitorId = volunteers.find((v) => v.skills.includes('elder_visit'))!.id;
		repairerId = volunteers.find((v) => !v.skills.includes('elder_visit'))!.id;
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it('lists the 18 demo plans with their elders, volunteers and visits', async () => {
		const plans = await call<VisitPlanView[]>('GET', `/api/visit-plans?${datianba}`);
		expect(plans.status).toBe(200);
		expect(plans.body).toHaveLength(18);
		expect(plans.body.every((p) => p.intervalDays === 7 && p.active && p.elderName && p.volunteerName)).toBe(true);
		// The demo has completed visits from the past weeks, and three plans due now.
		expect(plans.body.filter((p) => p.lastVisitedAt !== null).length).toBeGreaterThan(10);
		expect(plans.body.filter((p) => p.visit?.state === 'due').length).toBe(3);
	});

	it('creates a plan for a new elder only with a volunteer who visits elders', async () => {
		const elders = (await call<ElderView[]>('GET', `/api/elders?${datianba}`)).body;
		expect(elders).toHaveLength(18);
		const planned = elders[0]!;
		expect(planned.planId).not.toBeNull();

		const duplicate = await call('POST', '/api/visit-plans', { elderId: planned.id, volunteerId: visitorId });
		expect(duplicate.status).toBe(409);
		const unskilled = await call('POST', '/api/visit-plans', { elderId: planned.id, volunteerId: repairerId });
		expect(unskilled.status).toBe(422);
		expect(unskilled.body).toMatchObject({ error: { code: 'unprocessable' } });
		const unknownElder = await call('POST', '/api/visit-plans', { elderId: crypto.randomUUID(), volunteerId: visitorId });
		expect(unknownElder.status).toBe(422);
		const bad = await call('POST', '/api/visit-plans', { elderId: planned.id, volunteerId: visitorId, intervalDays: 0 });
		expect(bad.status).toBe(400);
	});

	it('edits a plan: volunteer, interval, next due time and pausing', async () => {
		const plan = (await call<VisitPlanView[]>('GET', `/api/visit-plans?${datianba}`)).body.find((p) => p.volunteerId !== visitorId)!;
		const nextDueAt = '2030-01-06T01:00:00.000Z';
		const changed = await call<VisitPlanView>('PUT', `/api/visit-plans/${plan.id}`, {
			volunteerId: visitorId,
			intervalDays: 14,
			nextDueAt,
			active: false
		});
		expect(changed.status).toBe(200);
		expect(changed.body).toMatchObject({ id: plan.id, volunteerId: visitorId, intervalDays: 14, nextDueAt, active: false });

		expect((await call('PUT', `/api/visit-plans/${plan.id}`, { volunteerId: repairerId })).status).toBe(422);
		expect((await call('PUT', `/api/visit-plans/${plan.id}`, {})).status).toBe(400);
		expect((await call('PUT', `/api/visit-plans/${plan.id}`, { intervalDays: 1000 })).status).toBe(400);
		expect((await call('PUT', `/api/visit-plans/${crypto.randomUUID()}`, { active: true })).status).toBe(404);
		expect((await call('PUT', '/api/visit-plans/not-an-id', { active: true })).status).toBe(400);

		const dispatcher = apiClient(server.url, await signIn(server.url, 'dispatcher'));
		expect((await dispatcher('PUT', `/api/visit-plans/${plan.id}`, { active: true })).status).toBe(403);
		expect((await dispatcher('POST', '/api/visit-plans', { elderId: plan.elderId, volunteerId: visitorId })).status).toBe(403);
	});

	it("hands a visit not yet accepted over to the plan's new volunteer, who sees it at once", async () => {
		const plans = (await call<VisitPlanView[]>('GET', `/api/visit-plans?${datianba}`)).body;
		const plan = plans.find((p) => p.visit?.status === 'assigned' && p.visit.requestId)!;
		expect(plan).toBeDefined();
		const visitId = plan.visit!.requestId!;
		// The next visitor: a demo volunteer who visits elders and is not on this plan yet.
		const visitors = new Set(
			(await call<{ id: string; skills: string[] }[]>('GET', `/api/volunteers?${datianba}`)).body
				.filter((v) => v.skills.includes('elder_visit'))
				.map((v) => v.id)
		);
		let next: { id: string; call: ReturnType<typeof apiClient> } | undefined;
		for (let n = 1; !next && n <= 48; n++) {
			const volunteerCall = apiClient(server.url, await signIn(server.url, `vol${String(n).padStart(2, '0')}`));
			const id = (await volunteerCall<{ user: { volunteerId: string } }>('GET', '/api/session')).body.user.volunteerId;
			if (visitors.has(id) && id !== plan.volunteerId) next = { id, call: volunteerCall };
		}
		if (!next) throw new Error('no second visitor in the demo');
		const before = (await call<{ request: RequestView }>('GET', `/api/requests/${visitId}`)).body.request;

		expect((await call('PUT', `/api/visit-plans/${plan.id}`, { volunteerId: next.id })).status).toBe(200);

		const after = (await call<{ request: RequestView; events: TimelineEntry[] }>('GET', `/api/requests/${visitId}`)).body;
		expect({ assigneeId: after.request.assigneeId, status: after.request.status, version: after.request.version }).toEqual({
			assigneeId: next.id,
			status: 'assigned',
			version: before.version + 1
		});
		expect(after.events.at(-1)).toMatchObject({ action: 'reassign' });
		const theirTasks = await next.call<{ id: string }[]>('GET', '/api/me/tasks');
		expect(theirTasks.body.map((t) => t.id)).toContain(visitId);
	});
});
