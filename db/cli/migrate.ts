// npm run migrate: brings the configured database (DATABASE_URL, or the embedded one) up to date.
import { readConfig } from '../../src/lib/server/config';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

const config = readConfig();
const handle = await connectDatabase(config.database, 1);
try {
	const { results } = await migrateToLatest(handle.db);
	if (!results?.length) console.log('The database is already up to date.');
	for (const r of results ?? []) console.log(`${r.status}: ${r.migrationName}`);
} finally {
	await handle.close();
}
