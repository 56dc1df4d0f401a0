// npm run user:add -- --username NAME --name "Display name" --role dispatcher|coordinator --area "本社区"
// Asks for the password on the terminal (or reads it from PASSWORD), never from the command line.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { readConfig } from '../../src/lib/server/config';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { findUserByUsername, insertUser } from '../../src/lib/server/repositories/users';
import { ROLES } from '../../src/lib/dispatch/vocabulary';
import { listAreas } from '../../src/lib/server/repositories/areas';
import { scopeKindsFor } from '../../src/lib/dispatch/areas';

const { values } = parseArgs({
	options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, area: { type: 'string' } }
});
const input = z
	.object({
		username: z.string().regex(/^[a-zA-Z0-9._-]{2,64}$/, 'letters, digits, . _ - (2 to 64)'),
		name: z.string().min(1).max(80),
		role: z.enum(ROLES).exclude(['volunteer']),
		/** The name of the area they work in: a community for a dispatcher; any area for a coordinator. */
		area: z.string().min(1).max(60)
	})
	.safeParse({ ...values, name: values.name ?? values.username });
if (!input.success) {
	console.error('Usage: npm run user:add -- --username NAME --name "Display name" --role dispatcher|coordinator --area "AREA NAME"');
	for (const issue of input.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
	process.exit(2);
}

async function askPassword(): Promise<string> {
	if (process.env.PASSWORD) return process.env.PASSWORD;
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	const password = await rl.question('Password (at least 8 characters): ');
	rl.close();
	return password;
}

const password = await askPassword();
if (password.length < 8) {
	console.error('The password must have at least 8 characters.');
	process.exit(2);
}
const config = readConfig();
const handle = await connectDatabase(config.database, 1);
try {
	await migrateToLatest(handle.db);
	const { area: areaName, ...user } = input.data;
	const areas = (await listAreas(handle.db)).filter((a) => a.name === areaName && scopeKindsFor(user.role).includes(a.kind));
	if (await findUserByUsername(handle.db, user.username)) {
		console.error(`A user named ${user.username} already exists.`);
		process.exitCode = 1;
	} else if (areas.length !== 1) {
		const kinds = scopeKindsFor(user.role).join(' or ');
		console.error(
			areas.length
				? `More than one ${kinds} is named ${areaName}.`
				: `No ${kinds} is named ${areaName}. Import a community first (npm run import).`
		);
		process.exitCode = 1;
	} else {
		const created = await insertUser(handle.db, { ...user, scope_area_id: areas[0]!.id, password_hash: await hashPassword(password) });
		console.log(`Created ${created.role} ${created.username}, working in ${areaName}.`);
	}
} finally {
	await handle.close();
}
