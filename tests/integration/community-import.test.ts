// Loading a real community from a file: checked whole, written in one transaction, and
// idempotent. In-process on each engine, and once through the command itself.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { openInProcess, type InProcessApp } from '../helpers/in-process';
import { ImportProblem, communityFileSchema, importCommunity } from '../../db/import/community';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/passwords';

const FILE = {
	buildings: [
		{ name: '1栋', lat: 31.2301, lng: 121.4701 },
		{ name: '社区卫生站', kind: 'public', lat: 31.2305, lng: 121.4712, street: '建设路' }
	],
	volunteers: [
		{ username: 'zhang.wei', name: '张伟', phone: '13900000001', skills: ['repair', 'haircut'], homeBuilding: '1栋' },
		{ username: 'li.na', name: '李娜', skills: ['elder_visit'], homeBuilding: '社区卫生站' }
	],
	elders: [{ name: '王奶奶', building: '1栋', unit: '2单元301', phone: '13900000009', notes: '独居' }]
};

describe(`importing a community on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let app: InProcessApp;

	beforeAll(async () => {
		database = await createTestDatabase(engine);
		app = await openInProcess(database.target);
	});
	afterAll(async () => {
		await app?.close();
		await database?.drop();
	});

	it('refuses a file with a dangling reference and writes nothing', async () => {
		const broken = communityFileSchema.parse({ ...FILE, elders: [{ name: '赵爷爷', building: '99栋' }] });
		await expect(importCommunity(app.db, broken, hashPassword)).rejects.toThrow(ImportProblem);
		expect(await app.db.selectFrom('buildings').select('id').execute()).toEqual([]);
		expect(await app.db.selectFrom('users').select('id').execute()).toEqual([]);
	});

	it('writes buildings, volunteers with their logins, and elders; a second import adds nothing', async () => {
		const file = communityFileSchema.parse(FILE);
		const first = await importCommunity(app.db, file, hashPassword);
		expect(first.buildings).toEqual({ created: 2, updated: 0 });
		expect(first.elders).toEqual({ created: 1, updated: 0 });
		expect(first.newLogins.map((l) => l.username)).toEqual(['zhang.wei', 'li.na']);

		const volunteer = await app.db
			.selectFrom('volunteers')
			.innerJoin('users', 'users.id', 'volunteers.user_id')
			.innerJoin('buildings', 'buildings.id', 'volunteers.home_building_id')
			.select([
				'users.role',
				'users.password_hash',
				'volunteers.skills',
				'volunteers.available',
				'volunteers.lat',
				'buildings.name as home',
				'buildings.lat as homeLat'
			])
			.where('users.username', '=', 'zhang.wei')
			.executeTakeFirstOrThrow();
		expect(volunteer).toMatchObject({ role: 'volunteer', skills: ['repair', 'haircut'], available: false, home: '1栋' });
		expect(volunteer.lat).toBe(volunteer.homeLat);
		expect(await verifyPassword(volunteer.password_hash, first.newLogins[0]!.password)).toBe(true);
		const footprint = (await app.db.selectFrom('buildings').select('footprint').where('name', '=', '1栋').executeTakeFirstOrThrow())
			.footprint;
		expect(footprint.type).toBe('Polygon');
		expect(footprint.coordinates[0]).toHaveLength(5);

		const again = await importCommunity(
			app.db,
			communityFileSchema.parse({ ...FILE, buildings: [{ ...FILE.buildings[0], lat: 31.2302 }] }),
			hashPassword
		);
		expect(again).toMatchObject({
			buildings: { created: 0, updated: 1 },
			newLogins: [],
			existingUsernames: ['zhang.wei', 'li.na'],
			elders: { created: 0, updated: 1 }
		});
		expect(await app.db.selectFrom('volunteers').select('id').execute()).toHaveLength(2);
		expect(await app.db.selectFrom('elders').select('id').execute()).toHaveLength(1);
		expect((await app.db.selectFrom('buildings').select('lat').where('name', '=', '1栋').executeTakeFirstOrThrow()).lat).toBe(31.2302);
	});

	it('says what is wrong with a file, by path', () => {
		const result = communityFileSchema.safeParse({
			buildings: [
				{ name: '1栋', lat: 91, lng: 0 },
				{ name: '1栋', lat: 0, lng: 0 }
			],
			volunteers: [{ username: 'x', name: '', skills: [], homeBuilding: '1栋' }],
			extra: 1
		});
		expect(result.success).toBe(false);
		const paths = result.error!.issues.map((i) => i.path.join('.'));
		expect(paths).toEqual(
			expect.arrayContaining(['buildings.0.lat', 'volunteers.0.username', 'volunteers.0.name', 'volunteers.0.skills', ''])
		);
	});
});

describe('npm run import', () => {
	const dir = mkdtempSync(join(tmpdir(), 'vd-import-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('imports a file into the embedded database and prints each new login once', async () => {
		const path = join(dir, 'community.json');
		writeFileSync(path, JSON.stringify(FILE));
		// The embedded database in a directory of its own, whatever this shell points at.
		const { DATABASE_URL: _ignored, ...env } = process.env;
		const run = (file: string) =>
			promisify(execFile)('npx', ['tsx', 'db/cli/import.ts', file], { env: { ...env, DATA_DIR: join(dir, 'data') } }).then(
				(r) => ({ code: 0, out: r.stdout + r.stderr }),
				(e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr })
			);
		const first = await run(path);
		expect(first.code).toBe(0);
		expect(first.out).toContain('Buildings: 2 added, 0 updated');
		expect(first.out).toMatch(/zhang\.wei\s+[a-z2-9]{12}\s+\(张伟\)/);
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, JSON.stringify({ volunteers: [{ username: 'wu', name: '吴', skills: ['repair'], homeBuilding: '没有这栋' }] }));
		const refused = await run(bad);
		expect(refused.code).toBe(2);
		expect(refused.out).toContain('volunteers[0].homeBuilding: no building named "没有这栋"');

		// A county file: a summary per community, and the teams.
		const county = join(dir, 'county.json');
		const home = { name: '1栋', lat: 31.0, lng: 105.9 };
		writeFileSync(
			county,
			JSON.stringify({
				county: '西充县',
				communities: [
					{
						street: '晋城街道',
						name: '一段社区',
						buildings: [home],
						volunteers: [{ username: 'yd.zhang', name: '张伟', skills: ['repair'], homeBuilding: '1栋' }]
					},
					{ street: '常林镇', name: '大田坝社区', buildings: [home] }
				],
				teams: [{ name: '管得宽', communities: ['一段社区', '大田坝社区'], leader: 'yd.zhang', members: ['yd.zhang'], skills: ['repair'] }]
			})
		);
		const imported = await run(county);
		expect(imported.code).toBe(0);
		expect(imported.out).toContain('一段社区 (晋城街道): Buildings: 1 added, 0 updated. Elders: 0 added, 0 updated. Volunteers: 1 added.');
		expect(imported.out).toContain('大田坝社区 (常林镇): Buildings: 1 added, 0 updated.');
		expect(imported.out).toContain('Teams: 1 added, 0 updated.');
		expect(imported.out).toMatch(/一段社区:\s+yd\.zhang\s+[a-z2-9]{12}\s+\(张伟\)/);
		const again = await run(county);
		expect(again.out).toContain('Teams: 0 added, 1 updated.');
		expect(again.out).not.toContain('First passwords');
	}, 180_000);
});
