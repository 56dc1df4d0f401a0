// The demo county as its users meet it, through the API of the production server: every login
// the start banner prints works, in the scope the contract's "Demo seed, part two" gives it, and
// each community holds what the table says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, signIn } from '../helpers/clients';
import { demoLogins } from '../../db/seed/seed';
import type { BuildingView, RequestView, TeamView, UserView, VolunteerView } from '../../src/lib/api/types';
import type { VisitPlanView } from '../../src/lib/api/history-types';

type Call = ReturnType<typeof apiClient>;

/** A fresh database, a seeded server and sign-ins can take minutes on two busy shared cores. */
const SETUP_TIMEOUT_MS = 240_000;
describe(`the demo county on ${ENGINE}`, () => {
	let database: TestDatabase;
	let server: RunningServer;
	const as: Record<string, Call> = {};
	let areas: { id: string; name: string; kind: string; parentId: string | null }[];
	const idOf = (name: string) => areas.find((a) => a.name === name)!.id;

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		server = await startServer(database.env);
		for (const username of ['coordinator', 'jc.coordinator', 'dispatcher', 'yd.dispatcher', 'gya.dispatcher', 'gdk.lead', 'gya019'])
			as[username] = apiClient(server.url, await signIn(server.url, username));
		areas = (await as.coordinator!<typeof areas>('GET', '/api/areas')).body;
	}, SETUP_TIMEOUT_MS);
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it('is 西充县 with 常林镇 (大田坝) and 晋城街道 (一段, 观音庵)', () => {
		const parentName = (name: string) => areas.find((a) => a.id === areas.find((b) => b.name === name)!.parentId)?.name ?? null;
		expect(areas.map((a) => [a.name, a.kind, parentName(a.name)]).sort()).toEqual(
			[
				['西充县', 'county', null],
				['常林镇', 'street', '西充县'],
				['晋城街道', 'street', '西充县'],
				['大田坝社区', 'community', '常林镇'],
				['一段社区', 'community', '晋城街道'],
				['观音庵社区', 'community', '晋城街道']
			].sort()
		);
	});

	it('signs in every printed staff login, and the first and last volunteer of each community, in their scope', async () => {
		for (const { community, staff, volunteers, reporters, teamLeaders } of demoLogins()) {
			const logins = [
				...reporters.map((username) => ({ username, role: 'reporter', scope: community })),
				...staff.map((s) => ({ username: s.username, role: s.role, scope: s.scope })),
				...[volunteers[0]!, volunteers.at(-1)!, ...teamLeaders.map((t) => t.username)].map((username) => ({
					username,
					role: 'volunteer',
					scope: community
				}))
			];
			for (const login of logins) {
				const session = await apiClient(server.url, await signIn(server.url, login.username))<{ user: UserView }>('GET', '/api/session');
				expect(session.body.user, login.username).toMatchObject({ role: login.role, scope: { name: login.scope, id: idOf(login.scope) } });
			}
		}
	});

	it('gives 一段 its 18 isolated elders, each visited one-to-one by their own volunteer', async () => {
		const plans = (await as['jc.coordinator']!<VisitPlanView[]>('GET', `/api/visit-plans?communityId=${idOf('一段社区')}`)).body;
		expect(plans).toHaveLength(18);
		expect(new Set(plans.map((p) => p.volunteerId)).size).toBe(18);
		expect(plans.filter((p) => p.lastVisitedAt !== null).length).toBeGreaterThan(10);
	});

	it('gives 观音庵 its real size: 8 resident groups, 700+ shops, 18 party-member volunteers and its teams', async () => {
		const buildings = (await as['gya.dispatcher']!<BuildingView[]>('GET', '/api/buildings')).body;
		expect(buildings.every((b) => b.communityId === idOf('观音庵社区'))).toBe(true);
		const residential = buildings.filter((b) => b.kind === 'residential');
		expect(new Set(residential.map((b) => b.name.slice(0, 2))).size).toBe(8);
		expect(residential.length).toBeGreaterThanOrEqual(250);
		expect(buildings.filter((b) => b.kind === 'shop').length).toBeGreaterThan(700);

		const volunteers = (await as['gya.dispatcher']!<VolunteerView[]>('GET', '/api/volunteers')).body;
		const teams = (await as['gya.dispatcher']!<TeamView[]>('GET', '/api/teams')).body;
		const gdk = teams.find((t) => t.name === '管得宽')!;
		const leader = (await as['gdk.lead']!<{ user: UserView }>('GET', '/api/session')).body.user;
		expect(gdk).toMatchObject({ leaderVolunteerId: leader.volunteerId, active: true });
		expect(gdk.skills).toEqual(expect.arrayContaining(['haircut', 'nail_care']));
		// 管得宽 cuts hair in 一段 too.
		expect(new Set(gdk.communityIds)).toEqual(new Set([idOf('观音庵社区'), idOf('一段社区')]));
		expect(teams.map((t) => t.name)).toEqual(expect.arrayContaining(['管得宽', '小马甲']));
		const member = (await as.gya019!<{ user: UserView }>('GET', '/api/session')).body.user;
		expect(gdk.memberIds).toContain(member.volunteerId);
		expect(volunteers.filter((v) => v.skills.includes('elder_visit')).length).toBeGreaterThanOrEqual(18);
	});

	it("has a request waiting with 管得宽 that gdk.lead sees with the team's members, and nobody's phone", async () => {
		const led = (await as['gdk.lead']!<{ teams: { name: string }[]; requests: RequestView[] }>('GET', '/api/teams/led')).body;
		expect(led.teams.map((t) => t.name)).toEqual(['管得宽']);
		expect(led.requests).toHaveLength(1);
		expect(led.requests[0]).toMatchObject({ status: 'open', communityId: idOf('观音庵社区') });
		expect(led.requests[0]!.contactPhone ?? null).toBeNull();
		const onBoard = (await as['gya.dispatcher']!<RequestView[]>('GET', '/api/requests')).body.find((r) => r.id === led.requests[0]!.id);
		expect(onBoard).toMatchObject({ status: 'open', teamId: expect.any(String) });
	});

	it('keeps each community dispatcher to their own community, and the street coordinator to 晋城街道', async () => {
		for (const [username, community] of [
			['dispatcher', '大田坝社区'],
			['yd.dispatcher', '一段社区'],
			['gya.dispatcher', '观音庵社区']
		] as const) {
			const requests = (await as[username]!<RequestView[]>('GET', '/api/requests')).body;
			expect(requests.length, username).toBeGreaterThan(0);
			expect(requests.every((r) => r.communityId === idOf(community))).toBe(true);
		}
		const street = (await as['jc.coordinator']!<RequestView[]>('GET', '/api/requests')).body;
		expect(new Set(street.map((r) => r.communityId))).toEqual(new Set([idOf('一段社区'), idOf('观音庵社区')]));
		const county = (await as.coordinator!<RequestView[]>('GET', '/api/requests')).body;
		expect(new Set(county.map((r) => r.communityId)).size).toBe(3);
	});
});
