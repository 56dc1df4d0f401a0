// GET /api/requests/:id/candidates through HTTP on the production server, on each engine,
// checked against a ranking computed here, independently, from /api/volunteers and /api/requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import {
	allRequests,
	buildings,
	chinaMidnight,
	createRequest,
	signInVolunteers,
	volunteers,
	type ApiCall,
	type SignedInVolunteer
} from '../helpers/board';
import type { BuildingView, CandidateView, RequestView, TeamView, VolunteerView } from '../../src/lib/api/types';
import { RANKING_WEIGHTS } from '../../src/lib/dispatch/ranking';

/** Haversine written out again here, on a 6,371 km sphere, so the app's own cannot vouch for itself. */
function greatCircleMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const r = Math.PI / 180;
	const s = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2;
	return 2 * 6_371_008.8 * Math.atan2(Math.sqrt(s), Math.sqrt(1 - s));
}

/** Moves `metres` north and east of a building, as a phone's shared position would. */
const near = (b: BuildingView, north: number, east: number) => ({
	lat: b.lat + north / 111_195,
	lng: b.lng + east / (111_195 * Math.cos((b.lat * Math.PI) / 180))
});

interface Expected {
	id: string;
	online: boolean;
	distance: number;
	activeCount: number;
	tasksToday: number;
	effective: number;
}

/**
 * The ranking the contract describes, from the public API alone: the volunteers of the building's
 * community and the members of teams serving it, on duty, with the skill, online before offline,
 * then by price in metres.
 */
async function expectedRanking(call: ApiCall, building: BuildingView, skill: 'repair' | 'haircut'): Promise<Expected[]> {
	const roster = await volunteers(call);
	const requests = await allRequests(call);
	const teams = (await call<TeamView[]>('GET', '/api/teams')).body;
	const teamMembers = new Set(teams.filter((t) => t.active && t.communityIds.includes(building.communityId)).flatMap((t) => t.memberIds));
	const midnight = chinaMidnight(new Date()).getTime();
	return roster
		.filter((v) => v.communityId === building.communityId || teamMembers.has(v.id))
		.filter((v) => v.available && v.skills.includes(skill))
		.map((v) => {
			const distance = greatCircleMetres(building, v);
			const tasksToday = requests.filter((r) => r.assigneeId === v.id && r.assignedAt && Date.parse(r.assignedAt) >= midnight).length;
			const effective = distance + v.activeCount * RANKING_WEIGHTS.metresPerActiveTask + tasksToday * RANKING_WEIGHTS.metresPerTaskToday;
			return { id: v.id, online: v.online, distance, activeCount: v.activeCount, tasksToday, effective };
		})
		.sort((a, b) => Number(b.online) - Number(a.online) || a.effective - b.effective || (a.id < b.id ? -1 : 1));
}

/** A fresh database, a seeded server and sign-ins can take minutes on two busy shared cores. */
const SETUP_TIMEOUT_MS = 240_000;
describe(`GET /api/requests/:id/candidates on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let call: ApiCall;
	let place: BuildingView;
	let elsewhere: BuildingView;
	let people: SignedInVolunteer[];
	let roster: VolunteerView[];
	let repairers: SignedInVolunteer[];
	let bystander: SignedInVolunteer;
	let socket: TestSocket;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await startServer(database.env);
		call = apiClient(server.url, await signIn(server.url, 'coordinator'));
		const all = await buildings(call);
		place = all.find((b) => b.name === '3栋')!;
		elsewhere = all.find((b) => b.kind === 'shop' && b.communityId === place.communityId)!;
		people = await signInVolunteers(server.url, 16);
		roster = await volunteers(call);
		const skillsOf = (p: SignedInVolunteer) => roster.find((v) => v.id === p.volunteerId)!.skills;
		repairers = people.filter((p) => skillsOf(p).includes('repair'));
		bystander = people.find((p) => !skillsOf(p).includes('repair'))!;
		expect(repairers.length).toBeGreaterThanOrEqual(5);

		// Shape the roster through the API, as the volunteers themselves would.
		const put = (p: SignedInVolunteer, body: object) => p.call('PUT', '/api/me/availability', body);
		await put(repairers[0]!, { available: false });
		await put(repairers[1]!, { available: true, ...near(place, 40, 0) });
		await put(repairers[2]!, { available: true, ...near(place, 0, 150) });
		await put(repairers[3]!, { available: true, ...near(place, 0, 0) });
		await put(repairers[4]!, { available: true, ...near(place, -260, 90) });
		await put(bystander, { available: true, ...near(place, 5, 5) });
		// The volunteer at the door is busy with two tasks elsewhere.
		for (let i = 0; i < 2; i++) {
			const task = await createRequest(call, elsewhere, 'repair');
			const assigned = await call('POST', `/api/requests/${task.id}/assign`, { volunteerId: repairers[3]!.volunteerId, version: 1 });
			expect(assigned.status).toBe(200);
		}
		socket = connectSocket(server.url, repairers[1]!.cookie);
		await waitForConnect(socket);
	}, SETUP_TIMEOUT_MS);
	afterAll(async () => {
		socket?.disconnect();
		await server?.stop();
		await database?.drop();
	});

	it('ranks exactly the on-duty volunteers with the skill, in the order an independent haversine computation gives', async () => {
		const request = await createRequest(call, place, 'repair');
		const answer = await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?limit=50`);
		expect(answer.status).toBe(200);
		const expected = await expectedRanking(call, place, 'repair');
		expect(expected.length).toBeGreaterThanOrEqual(5);

		expect(answer.body.map((c) => c.volunteerId)).toEqual(expected.map((e) => e.id));
		answer.body.forEach((candidate, i) => {
			const e = expected[i]!; // the same length, as just checked
			expect(Math.abs(candidate.distanceM - e.distance)).toBeLessThanOrEqual(0.5 + 1e-6);
			expect(candidate).toMatchObject({ activeCount: e.activeCount, tasksToday: e.tasksToday, continuity: null });
			expect(candidate.score).toBeCloseTo(-e.effective, 0);
			const before = answer.body[i - 1];
			if (before && before.online === candidate.online) expect(candidate.score).toBeLessThanOrEqual(before.score);
		});

		const ids = answer.body.map((c) => c.volunteerId);
		expect(ids).not.toContain(repairers[0]!.volunteerId); // off duty
		expect(ids).not.toContain(bystander.volunteerId); // on duty at the door, but no repair skill
		const atTheDoor = answer.body.find((c) => c.volunteerId === repairers[3]!.volunteerId)!;
		expect(atTheDoor).toMatchObject({ distanceM: 0 });
		expect(atTheDoor.activeCount).toBeGreaterThanOrEqual(2);
		// 40 m away and free beats at the door with two tasks.
		expect(ids.indexOf(repairers[1]!.volunteerId)).toBeLessThan(ids.indexOf(repairers[3]!.volunteerId));
		const shared = near(place, 40, 0);
		expect(answer.body.find((c) => c.volunteerId === repairers[1]!.volunteerId)).toMatchObject({
			lat: shared.lat,
			lng: shared.lng,
			distanceM: 40
		});
	});

	it('shows who has the app open right now, and ranks them first however far', async () => {
		const request = await createRequest(call, place, 'repair');
		const answer = await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?limit=50`);
		const online = answer.body.filter((c) => c.online).map((c) => c.volunteerId);
		expect(online).toEqual([repairers[1]!.volunteerId]);
		// Moved 2 km off with the app open, they still come before everyone at hand.
		await repairers[1]!.call('PUT', '/api/me/availability', { available: true, ...near(place, 2000, 0) });
		const far = await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?limit=3`);
		expect(far.body[0]).toMatchObject({ volunteerId: repairers[1]!.volunteerId, online: true, distanceM: 2000 });
		expect(far.body.slice(1).every((c) => !c.online && c.distanceM < 2000)).toBe(true);
		await repairers[1]!.call('PUT', '/api/me/availability', { available: true, ...near(place, 40, 0) });
	});

	it('says how to reach each one: on duty, phone, teams, and whether they declined this request', async () => {
		const request = await createRequest(call, place, 'repair');
		const offered = await call<RequestView>('POST', `/api/requests/${request.id}/assign`, {
			volunteerId: repairers[2]!.volunteerId,
			version: 1
		});
		expect(offered.status).toBe(200);
		expect((await repairers[2]!.call('POST', `/api/requests/${request.id}/decline`, { reason: 'cannot_come' })).status).toBe(200);
		const answer = (await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates`)).body;
		const teams = (await call<TeamView[]>('GET', '/api/teams')).body.filter((t) => t.active && t.communityIds.includes(place.communityId));
		const coordinatorView = roster;
		for (const candidate of answer) {
			const record = coordinatorView.find((v) => v.id === candidate.volunteerId)!;
			expect(candidate.available).toBe(true);
			expect(candidate.declined).toBe(candidate.volunteerId === repairers[2]!.volunteerId);
			expect(candidate.teamIds.sort()).toEqual(
				teams
					.filter((t) => t.memberIds.includes(candidate.volunteerId))
					.map((t) => t.id)
					.sort()
			);
			expect(typeof candidate.phone === 'string' && candidate.phone.length > 0, record.name).toBe(true);
		}
		// The decliner goes last, though they stand nearer than some.
		expect(answer.at(-1)!.volunteerId).toBe(repairers[2]!.volunteerId);
		expect(answer.map((c) => c.volunteerId).sort()).toEqual((await expectedRanking(call, place, 'repair')).map((e) => e.id).sort());
	});

	it('filters by part of a name, keeping the ranking order', async () => {
		const request = await createRequest(call, place, 'repair');
		const all = (await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates`)).body;
		const someone = all[all.length - 1]!;
		const part = [...someone.name].slice(-1).join('');
		const found = await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?q=${encodeURIComponent(` ${part} `)}`);
		expect(found.status).toBe(200);
		expect(found.body.map((c) => c.volunteerId)).toEqual(all.filter((c) => c.name.includes(part)).map((c) => c.volunteerId));
		expect(found.body.map((c) => c.volunteerId)).toContain(someone.volunteerId);
		const nobody = await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?q=${encodeURIComponent('%_无此人')}`);
		expect(nobody.body).toEqual([]);
		const tooLong = await call('GET', `/api/requests/${request.id}/candidates?q=${'名'.repeat(51)}`);
		expect(tooLong.status).toBe(400);
	});

	it('keeps the same best N for any limit, everyone by default', async () => {
		const request = await createRequest(call, place, 'haircut');
		const full = (await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?limit=50`)).body;
		const expected = await expectedRanking(call, place, 'haircut');
		expect(full.map((c) => c.volunteerId)).toEqual(expected.map((e) => e.id));
		for (const limit of [1, 2, 3]) {
			const some = await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?limit=${limit}`);
			expect(some.body).toEqual(full.slice(0, limit));
		}
		const byDefault = await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates`);
		expect(byDefault.body).toEqual(full);
	});

	it('still lists candidates once the request is assigned, for a reassignment', async () => {
		const request = await createRequest(call, place, 'repair');
		const assigned = await call<RequestView>('POST', `/api/requests/${request.id}/assign`, {
			volunteerId: repairers[2]!.volunteerId,
			version: 1
		});
		expect(assigned.status).toBe(200);
		const answer = await call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?limit=50`);
		expect(answer.status).toBe(200);
		expect(answer.body.map((c) => c.volunteerId)).toEqual((await expectedRanking(call, place, 'repair')).map((e) => e.id));
		expect(answer.body.find((c) => c.volunteerId === repairers[2]!.volunteerId)!.activeCount).toBeGreaterThanOrEqual(1);
	});

	it('refuses a bad limit, a bad or unknown id, volunteers and strangers', async () => {
		const request = await createRequest(call, place, 'repair');
		for (const limit of ['0', '51', 'abc', '1.5', '', '-3']) {
			const answer = await call('GET', `/api/requests/${request.id}/candidates?limit=${limit}`);
			expect(answer.status, `limit=${limit}`).toBe(400);
			expect(answer.body).toMatchObject({ error: { code: 'invalid_input', issues: [expect.objectContaining({ path: 'limit' })] } });
		}
		expect((await call('GET', `/api/requests/${crypto.randomUUID()}/candidates`)).status).toBe(404);
		expect((await call('GET', '/api/requests/not-an-id/candidates')).body).toMatchObject({ error: { code: 'invalid_input' } });
		expect((await repairers[1]!.call('GET', `/api/requests/${request.id}/candidates`)).status).toBe(403);
		expect((await apiClient(server.url, null)('GET', `/api/requests/${request.id}/candidates`)).status).toBe(401);
	});
});
