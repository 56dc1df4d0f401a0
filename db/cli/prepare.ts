// The first step of `npm start`: bring the database up to date and, in demo mode (the default
// for the embedded database), seed the demo community into an empty one and say how to sign in.
// The app itself never seeds: seeding is for this command and `npm run seed` alone.
import { readConfig } from '../../src/lib/server/config';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { findUserByUsername } from '../../src/lib/server/repositories/users';
import { verifyPassword } from '../../src/lib/server/auth/passwords';
import { DEMO_PASSWORD, demoLogins, seedDemoCounty } from '../seed/seed';

const config = readConfig();
const handle = await connectDatabase(config.database, 1);
try {
	await migrateToLatest(handle.db);
	if (config.demo) {
		const seeded = await seedDemoCounty(handle.db, new Date());
		if (seeded) console.log(`  Seeded the demo community: ${seeded.buildings.length} buildings, ${seeded.volunteers.length} volunteers.`);
		// Only logins that work are printed: a database of real users gets no demo banner.
		const dispatcher = await findUserByUsername(handle.db, demoLogins().staff[0]!.username); // the demo's fixed staff list
		if (dispatcher && (await verifyPassword(dispatcher.password_hash, DEMO_PASSWORD))) printDemoLogins();
	}
} finally {
	await handle.close();
}

function printDemoLogins() {
	const { staff, volunteers } = demoLogins();
	console.log(
		[
			'',
			`  Demo mode. Every demo user's password is ${DEMO_PASSWORD}`,
			`    dispatchers: ${staff
				.filter((s) => s.role === 'dispatcher')
				.map((s) => s.username)
				.join(', ')}`,
			`    coordinator: ${staff
				.filter((s) => s.role === 'coordinator')
				.map((s) => s.username)
				.join(', ')}`,
			`    volunteers:  ${volunteers[0]} … ${volunteers[volunteers.length - 1]} (${volunteers.length} in all)`,
			''
		].join('\n')
	);
}
