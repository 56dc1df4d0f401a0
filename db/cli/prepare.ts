// The first step of `npm start`: bring the database up to date and, in demo mode (the default
// for the embedded database), seed the demo community into an empty one and say how to sign in.
// The app itself never seeds: seeding is for this command and `npm run seed` alone.
import { readConfig } from '../../src/lib/server/config';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { findUserByUsername } from '../../src/lib/server/repositories/users';
import { verifyPassword } from '../../src/lib/server/auth/passwords';
import { DEMO_PASSWORD, demoLogins, seedDemoCounty } from '../seed/seed';
import type { DemoCommunity } from '../seed/jincheng';

const config = readConfig();
const handle = await connectDatabase(config.database, 1);
try {
	await migrateToLatest(handle.db);
	if (config.demo) {
		const seeded = await seedDemoCounty(handle.db, new Date());
		if (seeded) console.log(`  Seeded the demo county: ${seeded.map(describeCommunity).join('; ')}.`);
		// Only logins that work are printed: a database of real users gets no demo banner.
		const dispatcher = await findUserByUsername(handle.db, 'dispatcher');
		if (dispatcher && (await verifyPassword(dispatcher.password_hash, DEMO_PASSWORD))) printDemoLogins();
	}
} finally {
	await handle.close();
}

function describeCommunity(c: DemoCommunity): string {
	return `${c.name} ${c.buildings.length} buildings, ${c.volunteers.length} volunteers`;
}

function printDemoLogins() {
	const lines = ['', `  Demo mode. Every demo user's password is ${DEMO_PASSWORD}`];
	for (const { community, staff, volunteers, reporters, teamLeaders } of demoLogins()) {
		const named = (role: string) =>
			staff.filter((s) => s.role === role).map((s) => s.username + (s.scope === community ? '' : ` (${s.scope})`));
		lines.push(`  ${community}`);
		for (const [label, names] of [
			['dispatchers', named('dispatcher')],
			['coordinator', named('coordinator')],
			['volunteers', [`${volunteers[0]} … ${volunteers.at(-1)} (${volunteers.length} in all)`]],
			['team leads', teamLeaders.map((t) => `${t.username} (${t.team})`)],
			['reporters', reporters]
		] as const) {
			if (names.length) lines.push(`    ${label.padEnd(13)}${names.join(', ')}`);
		}
	}
	console.log([...lines, ''].join('\n'));
}
