// A county file: several communities under their streets and towns, and a team across them,
// checked against the database (its buildings, the service catalogue) and written in one
// transaction. In-process on each engine.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { openInProcess, type InProcessApp } from '../helpers/in-process';
import { importFileSchema } from '../../db/import/file-schema';
import { importCounty } from '../../db/import/county';
import { ImportProblem } from '../../db/import/problems';
import { hashPassword } from '../../src/lib/server/auth/passwords';

// Both communities have a 1栋, at different places.
const YIDUAN_1 = { name: '1栋', lat: 31.0001, lng: 105.9001 };
const DATIANBA_1 = { name: '1栋', lat: 30.9501, lng: 105.8501 };

const COUNTY = {
	county: '西充县',
	communities: [
		{
			street: '晋城街道',
			name: '一段社区',
			buildings: [YIDUAN_1, { name: '卫生站', kind: 'public', lat: 31.0003, lng: 105.9003 }],
			volunteers: [{ username: 'yd.zhang', name: '张伟', skills: ['repair', 'elder_visit'], homeBuilding: '1栋' }],
			elders: [{ name: '王奶奶', building: '1栋', unit: '1单元101' }]
		},
		{
			street: '常林镇',
			name: '大田坝社区',
			buildings: [DATIANBA_1],
			volunteers: [{ username: 'dtb.li', name: '李娜', skills: ['haircut', 'nail_care'], homeBuilding: '1栋' }],
			elders: [{ name: '李爷爷', building: '1栋', unit: '' }]
		}
	],
	teams: [
		{
			name: '管得宽',
			communities: ['一段社区', '大田坝社区'],
			leader: 'yd.zhang',
			members: ['yd.zhang', 'dtb.li'],
			skills: ['repair', 'haircut']
		}
	]
};

const TABLES = ['areas', 'buildings', 'users', 'volunteers', 'elders', 'teams', 'team_members', 'team_communities'] as const;

describe(`importing a county file on ${ENGINE}`, () => {
	let database: TestDatabase;
	let app: InProcessApp;
	const run = (file: unknown) => importCounty(app.db, importFileSchema.parse(file), hashPassword);

	/** How many rows each table the import writes holds. */
	async function countRows(): Promise<Record<string, number>> {
		const counts = await Promise.all(
			TABLES.map(async (table) => {
				const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(app.db);
				return [table, Number(rows[0]!.n)] as const;
			})
		);
		return Object.fromEntries(counts);
	}

	/** The area's kind and the names of its parent and grandparent. */
	async function placeOfArea(name: string) {
		return app.db
			.selectFrom('areas as a')
			.leftJoin('areas as p', 'p.id', 'a.parent_id')
			.leftJoin('areas as g', 'g.id', 'p.parent_id')
			.select(['a.id', 'a.kind', 'p.name as parent', 'p.kind as parentKind', 'g.name as grandparent'])
			.where('a.name', '=', name)
			.execute();
	}

	beforeAll(async () => {
		database = await createTestDatabase(ENGINE);
		app = await openInProcess(database.target);
	});
	afterAll(async () => {
		await app?.close();
		await database?.drop();
	});

	it('writes nothing at all when one community or team of the file is wrong', async () => {
		// Each time the first community (new, under a new town) is right, and would be written.
		const first = { ...COUNTY.communities[0]!, street: '义兴镇', name: '三段社区' };
		const second = COUNTY.communities[1]!;
		const volunteer = second.volunteers[0]!;
		const team = { ...COUNTY.teams[0]!, communities: ['三段社区', '大田坝社区'] };
		const cases: [unknown, string[]][] = [
			[
				{ ...COUNTY, communities: [first, { ...second, volunteers: [{ ...volunteer, skills: ['haircut', 'massage'] }] }], teams: [] },
				['communities[1].volunteers[0].skills[1]: "massage" is not a skill of the service catalogue']
			],
			[
				// 卫生站 is a building of the first community only.
				{ ...COUNTY, communities: [first, { ...second, volunteers: [{ ...volunteer, homeBuilding: '卫生站' }] }], teams: [team] },
				[
					'communities[1].volunteers[0].homeBuilding: no building named "卫生站" in 大田坝社区',
					'teams[0].members[1]: "dtb.li" is in this file, but could not be imported as a volunteer'
				]
			],
			[
				{ ...COUNTY, communities: [first, { ...second, elders: [{ name: '李爷爷', building: '卫生站' }] }], teams: [team] },
				['communities[1].elders[0].building: no building named "卫生站" in 大田坝社区']
			],
			[
				{ ...COUNTY, communities: [first, second], teams: [{ ...team, skills: ['repair', 'juggling'] }] },
				['teams[0].skills[1]: "juggling" is not a skill of the service catalogue']
			],
			[
				{
					...COUNTY,
					communities: [first, second],
					teams: [{ ...team, communities: ['三段社区', '没有的社区'], members: ['yd.zhang', 'nobody'] }]
				},
				[
					'teams[0].communities[1]: no community named "没有的社区" in 西充县',
					'teams[0].members[1]: "nobody" is no volunteer, in this file or in the database'
				]
			]
		];
		for (const [file, problems] of cases) {
			const before = await countRows();
			const refused = await run(file).catch((error: unknown) => error);
			expect(refused).toBeInstanceOf(ImportProblem);
			expect((refused as ImportProblem).problems).toEqual(problems);
			expect(await countRows()).toEqual(before);
		}
	});

	it('writes each community under its street or town, and a team across both', async () => {
		const summary = await run(COUNTY);
		expect(summary.communities).toMatchObject([
			{ name: '一段社区', street: '晋城街道', buildings: { created: 2, updated: 0 }, elders: { created: 1, updated: 0 } },
			{ name: '大田坝社区', street: '常林镇', buildings: { created: 1, updated: 0 }, elders: { created: 1, updated: 0 } }
		]);
		expect(summary.communities.map((c) => c.newLogins.map((l) => l.username))).toEqual([['yd.zhang'], ['dtb.li']]);
		expect(summary.teams).toEqual({ created: 1, updated: 0 });

		expect(await placeOfArea('西充县')).toMatchObject([{ kind: 'county', parent: null }]);
		expect(await placeOfArea('晋城街道')).toMatchObject([{ kind: 'street', parent: '西充县' }]);
		expect(await placeOfArea('常林镇')).toMatchObject([{ kind: 'street', parent: '西充县' }]);
		const [yiduan] = await placeOfArea('一段社区');
		const [datianba] = await placeOfArea('大田坝社区');
		expect(yiduan).toMatchObject({ kind: 'community', parent: '晋城街道', parentKind: 'street', grandparent: '西充县' });
		expect(datianba).toMatchObject({ kind: 'community', parent: '常林镇', parentKind: 'street', grandparent: '西充县' });

		const volunteers = await app.db
			.selectFrom('volunteers')
			.innerJoin('users', 'users.id', 'volunteers.user_id')
			.select(['users.username', 'users.scope_area_id', 'volunteers.id', 'volunteers.community_id', 'volunteers.skills'])
			.orderBy('users.username')
			.execute();
		expect(volunteers).toMatchObject([
			{ username: 'dtb.li', community_id: datianba!.id, scope_area_id: datianba!.id, skills: ['haircut', 'nail_care'] },
			{ username: 'yd.zhang', community_id: yiduan!.id, scope_area_id: yiduan!.id }
		]);

		const team = await app.db.selectFrom('teams').selectAll().executeTakeFirstOrThrow();
		expect(team).toMatchObject({ name: '管得宽', community_id: yiduan!.id, skills: ['repair', 'haircut'], active: true });
		expect(team.leader_volunteer_id).toBe(volunteers[1]!.id);
		const served = await app.db.selectFrom('team_communities').select('community_id').where('team_id', '=', team.id).execute();
		expect(served.map((s) => s.community_id).sort()).toEqual([yiduan!.id, datianba!.id].sort());
		const members = await app.db.selectFrom('team_members').select('volunteer_id').where('team_id', '=', team.id).execute();
		expect(members.map((m) => m.volunteer_id).sort()).toEqual(volunteers.map((v) => v.id).sort());
	});

	it('finds a building named alike in two communities in each one’s own community', async () => {
		const homes = await app.db
			.selectFrom('volunteers')
			.innerJoin('users', 'users.id', 'volunteers.user_id')
			.innerJoin('buildings', 'buildings.id', 'volunteers.home_building_id')
			.select(['users.username', 'buildings.name', 'buildings.lat', 'buildings.community_id', 'volunteers.community_id as own'])
			.orderBy('users.username')
			.execute();
		expect(homes).toMatchObject([
			{ username: 'dtb.li', name: '1栋', lat: DATIANBA_1.lat },
			{ username: 'yd.zhang', name: '1栋', lat: YIDUAN_1.lat }
		]);
		for (const home of homes) expect(home.community_id).toBe(home.own);

		const elders = await app.db
			.selectFrom('elders')
			.innerJoin('buildings', 'buildings.id', 'elders.building_id')
			.select(['elders.name', 'buildings.lat'])
			.orderBy('buildings.lat')
			.execute();
		expect(elders).toEqual([
			{ name: '李爷爷', lat: DATIANBA_1.lat },
			{ name: '王奶奶', lat: YIDUAN_1.lat }
		]);
	});

	it('changes nothing new on a second import, and updates a team by its name', async () => {
		const before = await countRows();
		const again = await run(COUNTY);
		expect(again.communities).toMatchObject([
			{ buildings: { created: 0, updated: 2 }, elders: { created: 0, updated: 1 }, newLogins: [], existingUsernames: ['yd.zhang'] },
			{ buildings: { created: 0, updated: 1 }, elders: { created: 0, updated: 1 }, newLogins: [], existingUsernames: ['dtb.li'] }
		]);
		expect(again.teams).toEqual({ created: 0, updated: 1 });
		expect(await countRows()).toEqual(before);

		// The file describes the team whole: what it leaves out, the team no longer has.
		const smaller = { ...COUNTY.teams[0]!, communities: ['一段社区'], members: ['yd.zhang'], skills: ['repair'] };
		expect((await run({ ...COUNTY, teams: [smaller] })).teams).toEqual({ created: 0, updated: 1 });
		const team = await app.db.selectFrom('teams').select(['id', 'skills']).executeTakeFirstOrThrow();
		expect(team.skills).toEqual(['repair']);
		expect(await countRows()).toEqual({ ...before, team_members: 1, team_communities: 1 });
		// A team may name a community already in the database, not in this file.
		expect((await run({ county: '西充县', teams: COUNTY.teams })).teams).toEqual({ created: 0, updated: 1 });
		expect(await countRows()).toEqual(before);
		// Listed in another order, its communities leave the team in the one it belongs to.
		const reordered = { ...COUNTY.teams[0]!, communities: ['大田坝社区', '一段社区'] };
		expect((await run({ ...COUNTY, teams: [reordered] })).teams).toEqual({ created: 0, updated: 1 });
		const [yiduan] = await placeOfArea('一段社区');
		expect(await app.db.selectFrom('teams').select('community_id').execute()).toEqual([{ community_id: yiduan!.id }]);
		// Whether a team is active is the coordinators' to say, not the file's.
		await app.db.updateTable('teams').set({ active: false }).execute();
		await run(COUNTY);
		expect(await app.db.selectFrom('teams').select('active').execute()).toEqual([{ active: false }]);
	});

	it('still imports a file of one community, into the tree it always had', async () => {
		const summary = await run({ buildings: [YIDUAN_1], volunteers: [{ ...COUNTY.communities[0]!.volunteers[0]!, username: 'bq.wang' }] });
		expect(summary.communities).toMatchObject([{ name: '本社区', street: '本街道', buildings: { created: 1, updated: 0 } }]);
		expect(await placeOfArea('本社区')).toMatchObject([{ kind: 'community', parent: '本街道', grandparent: '本县' }]);
	});
});
