// npm run seed: writes the demo county into an empty database.
import { readConfig } from '../../src/lib/server/config';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { DEMO_PASSWORD, seedDemoCounty } from '../seed/seed';

const config = readConfig();
const handle = await connectDatabase(config.database, 1);
try {
	await migrateToLatest(handle.db);
	const communities = await seedDemoCounty(handle.db, new Date());
	if (!communities) {
		console.error('The database already has users; the demo is only seeded into an empty database.');
		process.exitCode = 1;
	} else {
		for (const c of communities) {
			console.log(
				`Seeded ${c.name}: ${c.buildings.length} buildings, ${c.volunteers.length} volunteers, ` +
					`${c.elders.length} elders, ${c.teams.length} teams and ${c.requests.length} requests.`
			);
		}
		console.log(`Password for every demo user: ${DEMO_PASSWORD}`);
	}
} finally {
	await handle.close();
}
