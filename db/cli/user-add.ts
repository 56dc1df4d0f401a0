// npm run user:add -- --username NAME --name "Display name" --role dispatcher|coordinator|volunteer
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

const { values } = parseArgs({
	options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } }
});
const input = z
	.object({
		username: z.string().regex(/^[a-zA-Z0-9._-]{2,64}$/, 'letters, digits, . _ - (2 to 64)'),
		name: z.string().min(1).max(80),
		role: z.enum(ROLES).exclude(['volunteer'])
	})
	.safeParse({ ...values, name: values.name ?? values.username });
if (!input.success) {
	console.error('Usage: npm run user:add -- --username NAME --name "Display name" --role dispatcher|coordinator');
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
	if (await findUserByUsername(handle.db, input.data.username)) {
		console.error(`A user named ${input.data.username} already exists.`);
		process.exitCode = 1;
	} else {
		const user = await insertUser(handle.db, { ...input.data, password_hash: await hashPassword(password) });
		console.log(`Created ${user.role} ${user.username}.`);
	}
} finally {
	await handle.close();
}
