// A server whose county holds a second community beside the demo's 大田坝: a few buildings of
// 一段社区 (晋城街道) east of it, imported with `npm run import`, and a dispatcher working there
// added with `npm run user:add`, each command run as an operator would run it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { forkServer, type ForkedServer } from '../helpers/server';
import { generateCommunity } from '../../db/seed/community';

export const IMPORTED = {
	community: '一段社区',
	street: '晋城街道',
	dispatcher: 'yd.e2e',
	buildings: ['一段测试1栋', '一段测试2栋', '一段测试3栋', '一段测试4栋']
} as const;

const run = promisify(execFile);

/** The imported buildings: a row of blocks about 400 m east of the demo community. */
function importedBuildings() {
	const demo = generateCommunity(new Date()).buildings;
	const lat = demo.reduce((sum, b) => sum + b.lat, 0) / demo.length;
	const east = Math.max(...demo.map((b) => b.lng)) + 0.004;
	return IMPORTED.buildings.map((name, i) => ({ name, kind: 'residential', lat: lat + (i % 2) * 0.0004, lng: east + i * 0.0005 }));
}

export async function forkCountyServer(): Promise<ForkedServer> {
	const folder = mkdtempSync(join(tmpdir(), 'vd-e2e-county-'));
	const env = { ...process.env, DATA_DIR: join(folder, 'db'), DEMO: '1', LOG_LEVEL: 'warn' };
	const file = join(folder, 'yiduan.json');
	writeFileSync(
		file,
		JSON.stringify({ county: '西充县', street: IMPORTED.street, community: IMPORTED.community, buildings: importedBuildings() })
	);
	// The import first: it makes no users, so the demo still seeds (into the same county tree).
	await run('npx', ['tsx', 'db/cli/import.ts', file], { env });
	await run('npx', ['tsx', 'db/cli/prepare.ts'], { env });
	await run('npx', ['tsx', 'db/cli/user-add.ts', '--username', IMPORTED.dispatcher, '--role', 'dispatcher', '--area', IMPORTED.community], {
		env: { ...env, PASSWORD: 'demo1234' }
	});
	const server = await forkServer({ DATA_DIR: env.DATA_DIR });
	return {
		...server,
		stop: async () => {
			await server.stop();
			rmSync(folder, { recursive: true, force: true });
		}
	};
}
