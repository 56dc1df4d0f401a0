// npm run seed: writes the demo community into an empty database.
import { readConfig } from '../../src/lib/server/config';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { DEMO_PASSWORD, seedDemoCounty } from '../seed/seed';

const config = readConfig();
const handle = await connectDatabase(config.database, 1);
try {
	await migrateToLatest(handle.db);
	const community = await seedDemoCounty(handle.db, new Date());
	if (!community) {
		console.error('The database already has users; the demo is only seeded into an empty database.');
		process.exitCode = 1;
	} else {
		console.log(
			`Seeded ${community.buildings.length} buildings, ${community.volunteers.length} volunteers, ` +
				`${community.elders.length} elders and ${community.requests.length} requests. Password for every demo user: ${DEMO_PASSWORD}`
		);
	}
} finally {
	await handle.close();
}
