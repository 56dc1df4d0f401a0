// Teams (服务队) as coordinators keep them: GET, POST and PUT /api/teams on the production
// server, within the coordinator's scope, every rule said plainly, and every change heard live
// by the staff of the communities the team serves (and by the candidate roster).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { connectSocket, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import { onDuty, openRequest, signedIn, sleep, someBuilding, type SignedIn } from '../helpers/api-factories';
import { addTeamCommunity, TEAM_TEST_USERS } from '../helpers/team-community';
import type { ApiErrorBody, CandidateView, TeamView, VolunteerView } from '../../src/lib/api/types';

type Answer = { status: number; body: TeamView & ApiErrorBody };

describe(`teams API on ${ENGINE}`, () => {
	let database: TestDatabase;
	let server: RunningServer;
	let county: SignedIn;
	let street: SignedIn;
	let gyaDispatcher: SignedIn;
	let dtbDispatcher: SignedIn;
	let gya: { communityId: string; leaderId: string; memberId: string; repairerId: string };
	let dtb: { communityId: string; volunteerId: string };
	const sockets: TestSocket[] = [];

	const body = (fields: Record<string, unknown> = {}) => ({
		name: '测试修甲队',
		communityId: gya.communityId,
		leaderVolunteerId: gya.leaderId,
		memberIds: [gya.leaderId, gya.memberId],
		skills: ['nail_care', 'haircut'],
		...fields
	});
	const create = (who: SignedIn, fields: Record<string, unknown> = {}) => who.call('POST', '/api/teams', body(fields)) as Promise<Answer>;
	const change = (who: SignedIn, id: string, fields: Record<string, unknown> = {}) =>
		who.call('PUT', `/api/teams/${id}`, body(fields)) as Promise<Answer>;

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		await addTeamCommunity(database.target);
		server = await startServer(database.env);
		county = await signedIn(server.url, 'coordinator');
		street = await signedIn(server.url, TEAM_TEST_USERS.streetCoordinator);
		gyaDispatcher = await signedIn(server.url, TEAM_TEST_USERS.dispatcher);
		dtbDispatcher = await signedIn(server.url, 'dispatcher');
		const gyaVolunteers = (await gyaDispatcher.call<VolunteerView[]>('GET', '/api/volunteers')).body;
		const idOf = (name: string) => gyaVolunteers.find((v) => v.name === name)!.id;
		gya = {
			communityId: (await someBuilding(gyaDispatcher.call)).communityId,
			leaderId: idOf('管队长'),
			memberId: idOf('管小理'),
			repairerId: idOf('管维修')
		};
		const vol01 = await signedIn(server.url, 'vol01');
		dtb = { communityId: (await someBuilding(dtbDispatcher.call)).communityId, volunteerId: vol01.user.volunteerId! };
	}, 240_000);
	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await server?.stop();
		await database?.drop();
	});

	it('lets a coordinator add a team of their scope, and answers it as the contract says', async () => {
		const made = await create(street);
		expect(made.status).toBe(201);
		expect(made.body).toEqual({
			id: expect.any(String),
			name: '测试修甲队',
			communityId: gya.communityId,
			communityIds: [gya.communityId],
			leaderVolunteerId: gya.leaderId,
			memberIds: expect.arrayContaining([gya.leaderId, gya.memberId]),
			skills: ['nail_care', 'haircut'],
			active: true
		});
		const listed = (await gyaDispatcher.call<TeamView[]>('GET', '/api/teams')).body;
		expect(listed.find((t) => t.id === made.body.id)).toEqual(made.body);
		expect((await change(street, made.body.id, { name: '测试修甲队', active: false })).body.active).toBe(false);
	});

	it('says what is wrong, plainly: 400, 403, 404, 409 and 422 in the contract’s shape', async () => {
		const expectError = (answer: Answer, status: number, code: string) => {
			expect(answer.status, JSON.stringify(answer.body)).toBe(status);
			expect(answer.body.error).toMatchObject({ code, message: expect.stringMatching(/^[A-Z].+\.$/) });
		};
		expectError(await create(gyaDispatcher, { name: '调度员建的队' }), 403, 'forbidden');
		expectError(await create(street, { name: '' }), 400, 'invalid_input');
		const notMember = await create(street, { name: '队长不在队里', leaderVolunteerId: gya.repairerId });
		expectError(notMember, 422, 'unprocessable');
		expect(notMember.body.error.issues).toEqual([{ path: 'leaderVolunteerId', message: 'Not a member' }]);
		const unknownSkill = await create(street, { name: '技能不在目录里', skills: ['haircut', 'juggling'] });
		expectError(unknownSkill, 422, 'unprocessable');
		expect(unknownSkill.body.error.issues).toEqual([{ path: 'skills.1', message: 'Not a skill of the catalogue' }]);
		// A volunteer of another street is unknown to this coordinator; so is another street's community.
		const farMember = await create(street, { name: '外街道队员', memberIds: [gya.leaderId, dtb.volunteerId] });
		expectError(farMember, 422, 'unprocessable');
		expect(farMember.body.error.issues).toEqual([{ path: 'memberIds.1', message: 'Unknown volunteer' }]);
		expectError(await create(street, { name: '服务外街道', communityIds: [dtb.communityId] }), 403, 'forbidden');
		expectError(await create(street, { name: '落在外街道', communityId: dtb.communityId }), 403, 'forbidden');

		const made = await create(street, { name: '重名测试队' });
		expect(made.status).toBe(201);
		expectError(await create(county, { name: '重名测试队' }), 409, 'conflict');
		const dtbTeam = await create(county, {
			name: '大田坝的队',
			communityId: dtb.communityId,
			leaderVolunteerId: dtb.volunteerId,
			memberIds: [dtb.volunteerId]
		});
		expect(dtbTeam.status).toBe(201);
		expectError(await change(street, dtbTeam.body.id, { name: '改别人的队' }), 404, 'not_found');
		expectError(await change(county, '00000000-0000-4000-8000-000000000000'), 404, 'not_found');
	});

	it('keeps what lies outside an editor’s scope as it was when they change the team', async () => {
		// The county coordinator makes a 观音庵 team that also serves 大田坝, with a 大田坝 member.
		const made = await create(county, {
			name: '跨社区测试队',
			communityIds: [dtb.communityId],
			memberIds: [gya.leaderId, gya.memberId, dtb.volunteerId]
		});
		expect(made.status).toBe(201);
		expect(made.body.communityIds).toEqual([gya.communityId, dtb.communityId]);
		// The street coordinator sees neither, and cannot drop them by leaving them out.
		const changed = await change(street, made.body.id, { name: '跨社区测试队', memberIds: [gya.leaderId] });
		expect(changed.status).toBe(200);
		expect(changed.body.communityIds).toEqual([gya.communityId, dtb.communityId]);
		expect(changed.body.memberIds.sort()).toEqual([gya.leaderId, dtb.volunteerId].sort());
		// 大田坝's dispatcher sees the team that serves them, and may narrow to their own community only.
		const seen = await dtbDispatcher.call<TeamView[]>('GET', `/api/teams?communityId=${dtb.communityId}`);
		expect(seen.body.map((t) => t.id)).toContain(made.body.id);
		expect((await dtbDispatcher.call('GET', `/api/teams?communityId=${gya.communityId}`)).status).toBe(403);
		expect((await dtbDispatcher.call('GET', '/api/teams?communityId=nonsense')).status).toBe(400);
	});

	it('tells the staff of every community the team serves at once, and the candidate list follows', async () => {
		const listen = async (who: SignedIn) => {
			const socket = connectSocket(server.url, who.cookie);
			await waitForConnect(socket);
			sockets.push(socket);
			const heard: string[] = [];
			socket.on('team:updated', (e) => heard.push(e.team.id));
			return { socket, heard };
		};
		const gyaBoard = await listen(gyaDispatcher);
		const dtbBoard = await listen(dtbDispatcher);
		const member = await signedIn(server.url, TEAM_TEST_USERS.member);
		await onDuty(member);
		const request = await openRequest(dtbDispatcher.call, (await someBuilding(dtbDispatcher.call)).id, { type: 'haircut' });
		const candidates = async () =>
			(await dtbDispatcher.call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?limit=50`)).body.map((c) => c.volunteerId);
		expect(await candidates()).not.toContain(gya.memberId);

		const atHome = waitForEvent(gyaBoard.socket, 'team:updated', (e) => e.team.name === '实时测试队');
		const homeOnly = await create(street, { name: '实时测试队' });
		expect((await atHome).team.id).toBe(homeOnly.body.id);
		const reachingOut = waitForEvent(dtbBoard.socket, 'team:updated', (e) => e.team.id === homeOnly.body.id);
		expect((await change(county, homeOnly.body.id, { name: '实时测试队', communityIds: [dtb.communityId] })).status).toBe(200);
		expect((await reachingOut).team.communityIds).toContain(dtb.communityId);
		await sleep(200);
		// 大田坝 heard only the change that made the team serve them; before it, the team was none of their business.
		expect(dtbBoard.heard.filter((id) => id === homeOnly.body.id)).toHaveLength(1);
		expect(await candidates()).toContain(gya.memberId);
	});
});
