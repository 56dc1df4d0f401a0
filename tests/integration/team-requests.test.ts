// A request handed to a team (服务队), end to end on the production server with real sockets:
// the leader hears it, live and on catch-up, without the resident's contact; the leader assigns
// a member through the usual assign, who accepts; nobody else may; and the team's rules (its
// community, its skill, active) and the request's version are enforced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { connectSocket, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import { act, onDuty, openRequest, signedIn, sleep, someBuilding, type SignedIn } from '../helpers/api-factories';
import { addTeamCommunity, TEAM_TEST_USERS } from '../helpers/team-community';
import type { ApiErrorBody, BuildingView, RequestView, TeamView } from '../../src/lib/api/types';
import type { LedTeamsView } from '../../src/lib/api/team-types';
import type { CaughtUpEvent } from '../../src/lib/realtime/events';

const PHONE = '13600002222';
const CONTACT = '管阿姨';

describe(`requests handed to a team on ${ENGINE}`, () => {
	let database: TestDatabase;
	let server: RunningServer;
	let county: SignedIn;
	let gyaDispatcher: SignedIn;
	let dtbDispatcher: SignedIn;
	let leader: SignedIn;
	let member: SignedIn;
	let outsider: SignedIn;
	let gyaBuilding: BuildingView;
	let team: TeamView;
	const sockets: TestSocket[] = [];

	/** A socket of this user that records every event it hears. */
	async function listen(who: SignedIn): Promise<{ socket: TestSocket; heard: CaughtUpEvent[] }> {
		const socket = connectSocket(server.url, who.cookie);
		const heard: CaughtUpEvent[] = [];
		socket.onAny((event, data) => heard.push({ seq: data.seq, event, data } as CaughtUpEvent));
		await waitForConnect(socket);
		sockets.push(socket);
		return { socket, heard };
	}

	const haircutInGya = () =>
		openRequest(gyaDispatcher.call, gyaBuilding.id, { type: 'haircut', contactPhone: PHONE, contactName: CONTACT });
	const hand = (who: SignedIn, request: RequestView, teamId = team.id, version = request.version) =>
		who.call<RequestView & ApiErrorBody>('POST', `/api/requests/${request.id}/hand-to-team`, { teamId, version });
	const assignAs = (who: SignedIn, request: RequestView, volunteerId: string) =>
		who.call<RequestView & ApiErrorBody>('POST', `/api/requests/${request.id}/assign`, { volunteerId, version: request.version });

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		await addTeamCommunity(database.target);
		server = await startServer({ ...database.env, OFFER_TIMEOUT_MINUTES: '600' });
		county = await signedIn(server.url, 'coordinator');
		gyaDispatcher = await signedIn(server.url, TEAM_TEST_USERS.dispatcher);
		dtbDispatcher = await signedIn(server.url, 'dispatcher');
		leader = await signedIn(server.url, TEAM_TEST_USERS.leader);
		member = await signedIn(server.url, TEAM_TEST_USERS.member);
		outsider = await signedIn(server.url, 'vol01');
		for (const volunteer of [leader, member]) await onDuty(volunteer);
		gyaBuilding = await someBuilding(gyaDispatcher.call);
		const made = await county.call<TeamView>('POST', '/api/teams', {
			name: '测试理发队',
			communityId: gyaBuilding.communityId,
			leaderVolunteerId: leader.user.volunteerId,
			memberIds: [leader.user.volunteerId, member.user.volunteerId],
			skills: ['haircut', 'nail_care']
		});
		expect(made.status).toBe(201);
		team = made.body;
	}, 240_000);
	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await server?.stop();
		await database?.drop();
	});

	it('hands a request to the team, the leader hears it without the contact and assigns a member, who accepts; the board follows', async () => {
		const board = await listen(gyaDispatcher);
		const lead = await listen(leader);
		const mate = await listen(member);
		const request = await haircutInGya();

		const heardByLeader = waitForEvent(lead.socket, 'team:request', (e) => e.request.id === request.id);
		const handed = await hand(gyaDispatcher, request);
		expect(handed.status).toBe(200);
		expect(handed.body).toMatchObject({ status: 'open', teamId: team.id, version: request.version + 1, contactPhone: PHONE });
		const live = await heardByLeader;
		expect(live.request).toMatchObject({ status: 'open', teamId: team.id });
		expect(JSON.stringify(live)).not.toContain(PHONE);
		expect(JSON.stringify(live)).not.toContain(CONTACT);

		// The leader's own view lists it, with the member who can take it.
		const desk = await leader.call<LedTeamsView>('GET', '/api/teams/led');
		expect(desk.status).toBe(200);
		expect(desk.body.requests.map((r) => r.id)).toContain(request.id);
		expect(JSON.stringify(desk.body)).not.toContain(PHONE);
		expect(desk.body.teams[0]!.members.find((m) => m.id === member.user.volunteerId)).toMatchObject({
			available: true,
			skills: ['haircut']
		});

		const offered = waitForEvent(mate.socket, 'task:assigned', (e) => e.request.id === request.id);
		const assigned = await assignAs(leader, handed.body, member.user.volunteerId!);
		expect(assigned.status).toBe(200);
		expect(assigned.body).toMatchObject({ status: 'assigned', assigneeId: member.user.volunteerId, teamId: team.id });
		expect(JSON.stringify(assigned.body)).not.toContain(PHONE); // the leader does not go: no contact for them
		expect((await offered).request.contactPhone).toBe(PHONE);

		const accepted = await act(member.call, assigned.body, 'accept');
		expect(accepted.status).toBe('accepted');
		await sleep(300);
		const onBoard = board.heard.filter((e) => e.event === 'request:updated' && e.data.request.id === request.id);
		expect(onBoard.map((e) => (e.data as { request: RequestView }).request.status)).toEqual(['open', 'assigned', 'accepted']);
		// The member heard of it only when it was theirs: never as a team request, which is the leader's.
		expect(mate.heard.filter((e) => e.event === 'team:request')).toEqual([]);
		// The timeline names the leader as the one who assigned, from the team.
		const timeline = (
			await gyaDispatcher.call<{ events: { action: string; actor: string; meta: unknown }[] }>('GET', `/api/requests/${request.id}`)
		).body.events;
		expect(timeline.map((e) => e.action)).toEqual(['create', 'hand_to_team', 'assign', 'accept']);
		expect(timeline[1]!.meta).toEqual({ teamId: team.id });
		expect(timeline[2]).toMatchObject({
			actor: '管队长',
			meta: { source: 'team_leader', teamId: team.id, volunteerId: member.user.volunteerId }
		});
	});

	it('refuses the assign to anyone but the leader and staff, and to the leader for a non-member', async () => {
		const request = (await hand(gyaDispatcher, await haircutInGya())).body;
		for (const stranger of [member, outsider]) {
			const refused = await assignAs(stranger, request, member.user.volunteerId!);
			expect(refused.status).toBe(403);
			expect(refused.body.error.code).toBe('forbidden');
		}
		const joiner = await signedIn(server.url, TEAM_TEST_USERS.joiner);
		await onDuty(joiner);
		expect((await assignAs(leader, request, joiner.user.volunteerId!)).status).toBe(422);
		// A request that is not handed to any team: a leader is just a volunteer there.
		const plain = await haircutInGya();
		expect((await assignAs(leader, plain, member.user.volunteerId!)).status).toBe(403);
		// Staff keep their right to assign a team's request.
		expect((await assignAs(gyaDispatcher, request, member.user.volunteerId!)).status).toBe(200);
	});

	it('answers 422 for a team that does not serve the community, lacks the skill or is inactive, and 409 for a stale or busy request', async () => {
		const inDtb = await openRequest(county.call, (await someBuilding(dtbDispatcher.call)).id, { type: 'haircut' });
		expect((await hand(county, inDtb)).status).toBe(422);
		const repair = await openRequest(gyaDispatcher.call, gyaBuilding.id, { type: 'repair' });
		expect((await hand(gyaDispatcher, repair)).status).toBe(422);

		const request = await haircutInGya();
		expect((await hand(gyaDispatcher, request, team.id, request.version + 1)).status).toBe(409);
		const handed = (await hand(gyaDispatcher, request)).body;
		const again = await hand(gyaDispatcher, handed);
		expect(again.status).toBe(409);
		expect(again.body.error.message).toMatch(/already with a team/);
		const stale = await assignAs(leader, request, member.user.volunteerId!); // the version before the hand-over
		expect(stale.status).toBe(409);

		const paused = await county.call<TeamView>('PUT', `/api/teams/${team.id}`, { ...teamBody(team), active: false });
		expect(paused.status).toBe(200);
		expect((await hand(gyaDispatcher, await haircutInGya())).status).toBe(422);
		expect((await assignAs(leader, handed, member.user.volunteerId!)).status).toBe(403);
		expect((await county.call('PUT', `/api/teams/${team.id}`, { ...teamBody(team), active: true })).status).toBe(200);
	});

	it('keeps a declined team request with the team, so the leader hears it back and picks again', async () => {
		const lead = await listen(leader);
		const handed = (await hand(gyaDispatcher, await haircutInGya())).body;
		const assigned = (await assignAs(leader, handed, member.user.volunteerId!)).body;
		const back = waitForEvent(lead.socket, 'team:request', (e) => e.request.id === handed.id && e.request.status === 'open');
		const declined = await act(member.call, assigned, 'decline');
		expect(declined).toMatchObject({ status: 'open', assigneeId: null, teamId: team.id });
		expect((await back).request.teamId).toBe(team.id);
		expect((await assignAs(leader, declined, member.user.volunteerId!)).status).toBe(200);
	});

	it('lets the leader catch up on team requests without contacts, and tells a volunteer who does not lead nothing of them', async () => {
		const since = Math.max(0, ...(await gyaDispatcher.call<{ seq: number }[]>('GET', '/api/events?after=0')).body.map((e) => e.seq));
		const handed = (await hand(gyaDispatcher, await haircutInGya())).body;
		const caught = (await leader.call<CaughtUpEvent[]>('GET', `/api/events?after=${since}`)).body;
		expect(caught.filter((e) => e.event === 'team:request').map((e) => (e.data as { request: RequestView }).request.id)).toContain(
			handed.id
		);
		expect(JSON.stringify(caught)).not.toContain(PHONE);
		for (const other of [member, outsider]) {
			const theirs = (await other.call<CaughtUpEvent[]>('GET', `/api/events?after=${since}`)).body;
			expect(JSON.stringify(theirs)).not.toContain(handed.id);
		}
	});

	it('keeps teams to the scope: another community’s dispatcher neither sees nor hands to a team outside it', async () => {
		const inDtb = await openRequest(dtbDispatcher.call, (await someBuilding(dtbDispatcher.call)).id, { type: 'haircut' });
		const notSeen = await hand(dtbDispatcher, inDtb);
		expect(notSeen.status).toBe(404);
		expect((await dtbDispatcher.call<TeamView[]>('GET', '/api/teams')).body.map((t) => t.id)).not.toContain(team.id);
		expect((await dtbDispatcher.call('GET', `/api/teams?communityId=${gyaBuilding.communityId}`)).status).toBe(403);
		// Nor a request of another community, whatever the team.
		const gyaRequest = await haircutInGya();
		expect((await hand(dtbDispatcher, gyaRequest)).status).toBe(404);
		expect((await gyaDispatcher.call<{ request: RequestView }>('GET', `/api/requests/${gyaRequest.id}`)).body.request.version).toBe(1);
	});

	it('moves a connected volunteer into the team’s rooms when they join or come to lead it, and out when they leave, without a reconnect', async () => {
		const joiner = await signedIn(server.url, TEAM_TEST_USERS.joiner);
		await onDuty(joiner);
		const theirs = await listen(joiner);
		const joined = waitForEvent(theirs.socket, 'team:updated', (e) => e.team.id === team.id);
		const withJoiner = { ...teamBody(team), memberIds: [...team.memberIds, joiner.user.volunteerId!] };
		expect((await county.call('PUT', `/api/teams/${team.id}`, withJoiner)).status).toBe(200);
		expect((await joined).team.memberIds).toContain(joiner.user.volunteerId);

		// Made the leader: the very same socket now hears requests handed to the team.
		const promoted = await county.call<TeamView>('PUT', `/api/teams/${team.id}`, {
			...withJoiner,
			leaderVolunteerId: joiner.user.volunteerId
		});
		expect(promoted.status).toBe(200);
		const request = await haircutInGya();
		const heard = waitForEvent(theirs.socket, 'team:request', (e) => e.request.id === request.id);
		await hand(gyaDispatcher, request);
		expect((await heard).request.teamId).toBe(team.id);

		// Left the team: from that change on they hear nothing of it, as a catch-up would tell them nothing.
		const count = theirs.heard.length;
		expect((await county.call('PUT', `/api/teams/${team.id}`, teamBody(team))).status).toBe(200);
		await hand(gyaDispatcher, await haircutInGya());
		await county.call('PUT', `/api/teams/${team.id}`, { ...teamBody(team), name: '测试理发队二' });
		await sleep(400);
		expect(theirs.heard.slice(count).filter((e) => e.event.startsWith('team:'))).toEqual([]);
		expect((await county.call('PUT', `/api/teams/${team.id}`, teamBody(team))).status).toBe(200);
	});
});

/** The body that saves a team as it is. */
function teamBody(team: TeamView) {
	return {
		name: team.name,
		communityId: team.communityId,
		communityIds: team.communityIds,
		leaderVolunteerId: team.leaderVolunteerId,
		memberIds: team.memberIds,
		skills: team.skills,
		active: team.active
	};
}
