// 观音庵社区 (under 晋城街道, beside the demo's 大田坝) with a few volunteers and its staff, for
// the team tests: written straight into a test database before its server starts. Names carry
// ".t." so they never meet the demo county's own (gdk.lead, gya001…, the team 管得宽).
import { connectDatabase, type DatabaseTarget } from '../../src/lib/server/db/connect';
import { importCommunity } from '../../db/import/community';
import { hashPassword } from '../../src/lib/server/auth/passwords';

export const TEAM_TEST_USERS = {
	leader: 'gya.t.lead',
	member: 'gya.t.m1',
	joiner: 'gya.t.m2',
	repairer: 'gya.t.m3',
	dispatcher: 'gya.t.dispatcher',
	streetCoordinator: 'jc.t.coordinator'
} as const;

export async function addTeamCommunity(target: DatabaseTarget): Promise<void> {
	const handle = await connectDatabase(target, 1);
	try {
		const hash = await hashPassword('demo1234');
		const home = '观音庵测试楼1号';
		await importCommunity(
			handle.db,
			{
				county: '西充县',
				street: '晋城街道',
				community: '观音庵社区',
				buildings: [
					{ name: home, kind: 'residential', lat: 30.995, lng: 105.89 },
					{ name: '观音庵测试楼2号', kind: 'residential', lat: 30.9952, lng: 105.8902 }
				],
				volunteers: [
					{ username: TEAM_TEST_USERS.leader, name: '管队长', skills: ['haircut', 'nail_care'], homeBuilding: home },
					{ username: TEAM_TEST_USERS.member, name: '管小理', skills: ['haircut'], homeBuilding: home },
					{ username: TEAM_TEST_USERS.joiner, name: '管新人', skills: ['haircut', 'nail_care'], homeBuilding: home },
					{ username: TEAM_TEST_USERS.repairer, name: '管维修', skills: ['repair'], homeBuilding: home }
				],
				elders: []
			},
			async () => hash
		);
		const area = async (name: string) =>
			(await handle.db.selectFrom('areas').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
		await handle.db
			.insertInto('users')
			.values([
				{
					username: TEAM_TEST_USERS.dispatcher,
					name: '观音庵调度',
					role: 'dispatcher',
					password_hash: hash,
					scope_area_id: await area('观音庵社区')
				},
				{
					username: TEAM_TEST_USERS.streetCoordinator,
					name: '晋城协调',
					role: 'coordinator',
					password_hash: hash,
					scope_area_id: await area('晋城街道')
				}
			])
			.execute();
	} finally {
		await handle.close();
	}
}
