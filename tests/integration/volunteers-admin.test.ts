// Volunteers as coordinators keep them: POST /api/volunteers (with a login and a first
// password), PUT /api/volunteers/:id, and deactivate / reactivate, on the production server,
// within the coordinator's scope. Deactivating ends the volunteer's sessions and sockets, takes
// them off every candidate list, and gives their tasks back to the queue only when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import { act, assign, onDuty, openRequest, signedIn, someBuilding, type SignedIn } from '../helpers/api-factories';
import { addTeamCommunity, TEAM_TEST_USERS } from '../helpers/team-community';
import { connectDatabase } from '../../src/lib/server/db/connect';
import type { ApiErrorBody, CandidateView, RequestView, TeamView, UserView, VolunteerView } from '../../src/lib/api/types';
import type { DeactivatedView, NewVolunteerView, VolunteerAdminView } from '../../src/lib/api/volunteer-types';

type Answer<T> = { status: number; body: T & ApiErrorBody };
const DTB_COORDINATOR = 'dtb.t.coordinator';

describe(`volunteers admin API on ${ENGINE}`, () => {
	let database: TestDatabase;
	let server: RunningServer;
	let street: SignedIn;
	let dtbCoordinator: SignedIn;
	let gyaDispatcher: SignedIn;
	let gya: { communityId: string; homeId: string; otherHomeId: string; leaderId: string };
	let dtb: { buildingId: string; volunteerId: string };
	const sockets: TestSocket[] = [];
	let serial = 0;

	const newBody = (fields: Record<string, unknown> = {}) => ({
		username: `gya.t.new${++serial}`,
		name: `新志愿者${serial}`,
		phone: '13900000000',
		skills: ['haircut', 'nail_care'],
		homeBuildingId: gya.homeId,
		...fields
	});
	const create = (who: SignedIn, fields: Record<string, unknown> = {}) =>
		who.call('POST', '/api/volunteers', newBody(fields)) as Promise<Answer<NewVolunteerView>>;
	const edit = (who: SignedIn, id: string, fields: Record<string, unknown>) =>
		who.call('PUT', `/api/volunteers/${id}`, {
			name: '改过的名字',
			skills: ['haircut'],
			homeBuildingId: gya.homeId,
			...fields
		}) as Promise<Answer<VolunteerAdminView>>;
	const deactivate = (who: SignedIn, id: string, body: unknown = {}) =>
		who.call('POST', `/api/volunteers/${id}/deactivate`, body) as Promise<Answer<DeactivatedView>>;
	const reactivate = (who: SignedIn, id: string) =>
		who.call('POST', `/api/volunteers/${id}/reactivate`, {}) as Promise<Answer<VolunteerAdminView>>;
	const expectError = (answer: Answer<unknown>, status: number, code: string) => {
		expect(answer.status, JSON.stringify(answer.body)).toBe(status);
		expect(answer.body.error).toMatchObject({ code, message: expect.stringMatching(/^\S.+\.$/) });
	};
	/** A new volunteer of 观音庵, signed in with their first password. */
	async function newVolunteer(fields: Record<string, unknown> = {}) {
		const made = await create(street, fields);
		expect(made.status, JSON.stringify(made.body)).toBe(201);
		const cookie = await signIn(server.url, made.body.volunteer.username!, made.body.firstPassword);
		const me = (await apiClient(server.url, cookie)<{ user: UserView }>('GET', '/api/session')).body.user;
		return {
			view: made.body.volunteer,
			password: made.body.firstPassword,
			self: { cookie, call: apiClient(server.url, cookie), user: me }
		};
	}

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		await addTeamCommunity(database.target);
		const handle = await connectDatabase(database.target, 1);
		try {
			// A coordinator of one community (大田坝), beside the street's: each other's volunteers are unknown to them.
			const dtbArea = await handle.db.selectFrom('areas').select('id').where('name', '=', '大田坝社区').executeTakeFirstOrThrow();
			const hash = (
				await handle.db.selectFrom('users').select('password_hash').where('username', '=', 'coordinator').executeTakeFirstOrThrow()
			).password_hash;
			await handle.db
				.insertInto('users')
				.values({ username: DTB_COORDINATOR, name: '大田坝协调', role: 'coordinator', password_hash: hash, scope_area_id: dtbArea.id })
				.execute();
		} finally {
			await handle.close();
		}
		// Offers never time out here: what a test leaves assigned stays assigned.
		server = await startServer({ ...database.env, OFFER_TIMEOUT_MINUTES: '600' });
		street = await signedIn(server.url, TEAM_TEST_USERS.streetCoordinator);
		dtbCoordinator = await signedIn(server.url, DTB_COORDINATOR);
		gyaDispatcher = await signedIn(server.url, TEAM_TEST_USERS.dispatcher);
		const buildings = (await gyaDispatcher.call<{ id: string; communityId: string }[]>('GET', '/api/buildings')).body;
		const gyaVolunteers = (await gyaDispatcher.call<VolunteerView[]>('GET', '/api/volunteers')).body;
		gya = {
			communityId: buildings[0]!.communityId,
			homeId: buildings[0]!.id,
			otherHomeId: buildings[1]!.id,
			leaderId: gyaVolunteers.find((v) => v.name === '管队长')!.id
		};
		const vol01 = await signedIn(server.url, 'vol01');
		dtb = { buildingId: (await someBuilding(dtbCoordinator.call)).id, volunteerId: vol01.user.volunteerId! };
	}, 240_000);
	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await server?.stop();
		await database?.drop();
	});

	it('adds a volunteer and their login, heard live by their community’s board', async () => {
		const board = connectSocket(server.url, gyaDispatcher.cookie);
		sockets.push(board);
		await waitForConnect(board);
		const heard = waitForEvent(board, 'volunteer:updated', (e) => e.volunteer.name === '王新来');
		const made = await create(street, { name: '王新来', username: 'gya.t.wang', skills: ['haircut', 'nail_care', 'haircut'] });
		expect(made.status, JSON.stringify(made.body)).toBe(201);
		expect(made.body).toEqual({
			volunteer: {
				id: expect.any(String),
				communityId: gya.communityId,
				name: '王新来',
				skills: ['haircut', 'nail_care'],
				available: false,
				online: false,
				lat: expect.any(Number),
				lng: expect.any(Number),
				activeCount: 0,
				lastSeenAt: null,
				active: true,
				username: 'gya.t.wang',
				phone: '13900000000',
				homeBuildingId: gya.homeId,
				teamIds: []
			},
			firstPassword: expect.stringMatching(/^[a-z2-9]{12}$/)
		});
		const live = await heard;
		expect(live.volunteer).toMatchObject({ id: made.body.volunteer.id, active: true });
		expect(live.volunteer).not.toHaveProperty('phone');
		// The login works with the first password, as a volunteer of 观音庵.
		const cookie = await signIn(server.url, 'gya.t.wang', made.body.firstPassword);
		const me = (await apiClient(server.url, cookie)<{ user: UserView }>('GET', '/api/session')).body.user;
		expect(me).toMatchObject({ role: 'volunteer', volunteerId: made.body.volunteer.id, scope: { id: gya.communityId } });
		const listed = (await gyaDispatcher.call<VolunteerView[]>('GET', '/api/volunteers')).body;
		expect(listed.map((v) => v.id)).toContain(made.body.volunteer.id);
	});

	it('joins the teams named, and says 400, 403 and 409 plainly, writing nothing on a bad request', async () => {
		const team = await street.call<TeamView>('POST', '/api/teams', {
			name: '志愿者管理测试队',
			communityId: gya.communityId,
			leaderVolunteerId: gya.leaderId,
			memberIds: [gya.leaderId],
			skills: ['haircut']
		});
		expect(team.status).toBe(201);

		expectError(await create(gyaDispatcher), 403, 'forbidden');
		expectError(await create(street, { name: '' }), 400, 'invalid_input');
		const unknownSkill = await create(street, { skills: ['haircut', 'juggling'] });
		expectError(unknownSkill, 400, 'invalid_input');
		expect(unknownSkill.body.error.issues).toEqual([{ path: 'skills.1', message: 'Not a skill of the catalogue' }]);
		// 大田坝's building is outside 晋城街道: as unknown.
		const farHome = await create(street, { homeBuildingId: dtb.buildingId });
		expectError(farHome, 400, 'invalid_input');
		expect(farHome.body.error.issues).toEqual([{ path: 'homeBuildingId', message: 'Unknown building' }]);
		expectError(await create(street, { username: TEAM_TEST_USERS.leader.toUpperCase() }), 409, 'conflict');

		// The team is checked after the login and the record are written: the whole change rolls back.
		const late = newBody({ teamIds: [team.body.id, '00000000-0000-4000-8000-000000000000'] });
		const refused = (await street.call('POST', '/api/volunteers', late)) as Answer<NewVolunteerView>;
		expectError(refused, 400, 'invalid_input');
		expect(refused.body.error.issues).toEqual([{ path: 'teamIds.1', message: 'Unknown team' }]);
		const listedBefore = (await street.call<VolunteerView[]>('GET', '/api/volunteers')).body;
		expect(listedBefore.map((v) => v.name)).not.toContain(late.name);
		const teamBefore = (await street.call<TeamView[]>('GET', '/api/teams')).body.find((t) => t.id === team.body.id)!;
		expect(teamBefore.memberIds).toEqual([gya.leaderId]);

		const made = (await street.call('POST', '/api/volunteers', { ...late, teamIds: [team.body.id] })) as Answer<NewVolunteerView>;
		expect(made.status, JSON.stringify(made.body)).toBe(201);
		expect(made.body.volunteer.teamIds).toEqual([team.body.id]);
		const teamAfter = (await street.call<TeamView[]>('GET', '/api/teams')).body.find((t) => t.id === team.body.id)!;
		expect(teamAfter.memberIds.sort()).toEqual([gya.leaderId, made.body.volunteer.id].sort());
	});

	it('changes a record whole, and keeps another community’s coordinator out (404)', async () => {
		const { view } = await newVolunteer();
		const changed = await edit(street, view.id, { name: '李改名', phone: '028-1234', skills: ['repair'], homeBuildingId: gya.otherHomeId });
		expect(changed.status, JSON.stringify(changed.body)).toBe(200);
		expect(changed.body).toMatchObject({ name: '李改名', phone: '028-1234', skills: ['repair'], homeBuildingId: gya.otherHomeId });
		expectError(await edit(street, view.id, { skills: ['nope_skill'] }), 400, 'invalid_input');
		expectError(await edit(street, view.id, { skills: [] }), 400, 'invalid_input');
		expectError(await edit(gyaDispatcher, view.id, {}), 403, 'forbidden');
		// Out of scope both ways, and unknown: as if it did not exist.
		expectError(await edit(dtbCoordinator, view.id, { homeBuildingId: dtb.buildingId }), 404, 'not_found');
		expectError(await edit(street, dtb.volunteerId, { homeBuildingId: gya.homeId }), 404, 'not_found');
		expectError(await edit(street, '00000000-0000-4000-8000-000000000000', {}), 404, 'not_found');
		expectError(await edit(street, 'not-an-id', {}), 400, 'invalid_input');
		expectError(await deactivate(dtbCoordinator, view.id), 404, 'not_found');
		expectError(await reactivate(dtbCoordinator, view.id), 404, 'not_found');
		// The other community's coordinator never lists them either, and may not ask for their community.
		expect((await dtbCoordinator.call<VolunteerView[]>('GET', '/api/volunteers')).body.map((v) => v.id)).not.toContain(view.id);
		expect((await dtbCoordinator.call('GET', `/api/volunteers?communityId=${gya.communityId}`)).status).toBe(403);
		// Nothing the refused calls sent was written.
		const after = (await street.call<VolunteerView[]>('GET', '/api/volunteers')).body.find((v) => v.id === view.id)!;
		expect(after).toMatchObject({ name: '李改名', skills: ['repair'], active: true });
	});

	it('moves a volunteer to another community: the staff of both hear it', async () => {
		const { view } = await newVolunteer({ skills: ['repair'] });
		const county = await signedIn(server.url, 'coordinator');
		const dtbDispatcher = await signedIn(server.url, 'dispatcher');
		const listen = async (who: SignedIn) => {
			const socket = connectSocket(server.url, who.cookie);
			sockets.push(socket);
			await waitForConnect(socket);
			// Wrapped, or awaiting the connection would await the event too.
			return { heard: waitForEvent(socket, 'volunteer:updated', (e) => e.volunteer.id === view.id) };
		};
		const [atOld, atNew] = await Promise.all([listen(gyaDispatcher), listen(dtbDispatcher)]);
		const moved = await edit(county, view.id, { name: view.name, skills: ['repair'], homeBuildingId: dtb.buildingId });
		expect(moved.status, JSON.stringify(moved.body)).toBe(200);
		const dtbCommunityId = moved.body.communityId;
		expect(dtbCommunityId).not.toBe(gya.communityId);
		expect((await atOld.heard).volunteer.communityId).toBe(dtbCommunityId);
		expect((await atNew.heard).volunteer.communityId).toBe(dtbCommunityId);
		expect((await gyaDispatcher.call<VolunteerView[]>('GET', '/api/volunteers')).body.map((v) => v.id)).not.toContain(view.id);
		expect((await dtbDispatcher.call<VolunteerView[]>('GET', '/api/volunteers')).body.map((v) => v.id)).toContain(view.id);
		// Their login works in the new community now.
		expect(
			(
				await county.call<VolunteerAdminView>('PUT', `/api/volunteers/${view.id}`, {
					name: view.name,
					skills: ['repair'],
					homeBuildingId: gya.homeId
				})
			).status
		).toBe(200);
	});

	it('will not take a team’s leader out of the team they lead (422)', async () => {
		const teams = (await street.call<TeamView[]>('GET', '/api/teams')).body.filter((t) => t.leaderVolunteerId === gya.leaderId);
		expect(teams.length).toBeGreaterThan(0);
		const refused = await edit(street, gya.leaderId, { name: '管队长', teamIds: [] });
		expectError(refused, 422, 'unprocessable');
	});

	it('refuses to deactivate someone holding tasks (409) unless their tasks go back to the queue', async () => {
		const { view, self } = await newVolunteer({ skills: ['haircut'] });
		await onDuty(self);
		const request = await openRequest(gyaDispatcher.call, gya.homeId, { type: 'haircut' });
		const candidates = async (id: string) =>
			(await gyaDispatcher.call<CandidateView[]>('GET', `/api/requests/${id}/candidates?limit=50`)).body.map((c) => c.volunteerId);
		expect(await candidates(request.id)).toContain(view.id);
		const accepted = await act(self.call, await assign(gyaDispatcher.call, request, view.id), 'accept');

		const refused = await deactivate(street, view.id);
		expectError(refused, 409, 'conflict');
		expect(refused.body.error.message).toContain('1 active task');
		// Nothing changed: still active, still holding the task, still signed in.
		expect((await gyaDispatcher.call<{ request: RequestView }>('GET', `/api/requests/${request.id}`)).body.request).toMatchObject({
			status: 'accepted',
			assigneeId: view.id,
			version: accepted.version
		});
		expect((await self.call('GET', '/api/session')).status).toBe(200);

		const board = connectSocket(server.url, gyaDispatcher.cookie);
		const own = connectSocket(server.url, self.cookie);
		sockets.push(board, own);
		await Promise.all([waitForConnect(board), waitForConnect(own)]);
		const ended = new Promise<void>((resolve) => own.once('session:ended', () => resolve()));
		const disconnected = new Promise<void>((resolve) => own.once('disconnect', () => resolve()));
		const backInQueue = waitForEvent(board, 'request:updated', (e) => e.request.id === request.id && e.request.status === 'open');
		const gone = waitForEvent(board, 'volunteer:updated', (e) => e.volunteer.id === view.id && !e.volunteer.active);

		const done = await deactivate(street, view.id, { releaseTasks: true });
		expect(done.status, JSON.stringify(done.body)).toBe(200);
		expect(done.body.volunteer).toMatchObject({ id: view.id, active: false, available: false, activeCount: 0 });
		expect(done.body.released).toEqual([expect.objectContaining({ id: request.id, status: 'open', assigneeId: null })]);
		await Promise.all([ended, disconnected, backInQueue, gone]);

		// The task is back in the queue, recorded as given back by the coordinator.
		const detail = await gyaDispatcher.call<{
			request: RequestView;
			events: { action: string; from: string; to: string; actor: string }[];
		}>('GET', `/api/requests/${request.id}`);
		expect(detail.body.request).toMatchObject({ status: 'open', assigneeId: null, acceptedAt: null, attention: ['released'] });
		expect(detail.body.events.at(-1)).toMatchObject({ action: 'release', from: 'accepted', to: 'open', actor: street.user.name });
		// Signed out everywhere, and refused at sign-in with a message that says why.
		expect((await self.call('GET', '/api/session')).status).toBe(401);
		// A wrong password is only wrong: a guesser learns nothing of the deactivation.
		const guess = await apiClient(server.url, null)('POST', '/api/session', { username: view.username, password: 'wrong-password' });
		expect(guess.status).toBe(401);
		// Off every candidate list and the board's volunteers, and not assignable.
		expect(await candidates(request.id)).not.toContain(view.id);
		expect((await gyaDispatcher.call<VolunteerView[]>('GET', '/api/volunteers')).body.map((v) => v.id)).not.toContain(view.id);
		const assignAgain = await gyaDispatcher.call<ApiErrorBody>('POST', `/api/requests/${request.id}/assign`, {
			volunteerId: view.id,
			version: detail.body.request.version
		});
		expect(assignAgain.status).toBe(422);
		// Deactivating again changes nothing.
		expect((await deactivate(street, view.id)).status).toBe(200);
	});

	it('keeps a deactivated volunteer from signing in, with a clear message, until reactivated', async () => {
		const { view, password, self } = await newVolunteer({ skills: ['haircut'] });
		await onDuty(self);
		expect((await deactivate(street, view.id)).status).toBe(200);
		const refused = await apiClient(server.url, null)<ApiErrorBody>('POST', '/api/session', { username: view.username, password });
		expect(refused.status).toBe(403);
		expect(refused.body.error.message).toMatch(/deactivated/);

		const back = await reactivate(street, view.id);
		expect(back.status).toBe(200);
		expect(back.body).toMatchObject({ id: view.id, active: true, available: false });
		const cookie = await signIn(server.url, view.username!, password);
		const again = { cookie, call: apiClient(server.url, cookie), user: self.user };
		await onDuty(again);
		const request = await openRequest(gyaDispatcher.call, gya.homeId, { type: 'haircut' });
		const listed = (await gyaDispatcher.call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?limit=50`)).body;
		expect(listed.map((c) => c.volunteerId)).toContain(view.id);
	});
});
