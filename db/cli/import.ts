// npm run import -- community.json: your own community's buildings, volunteers and elders.
// Run it before starting the app, or restart the app nodes afterwards (each node's candidate
// roster reads volunteers at start). See the README, "Your own community".
import { readFileSync } from 'node:fs';
import { readConfig } from '../../src/lib/server/config';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { ImportProblem, communityFileSchema, importCommunity } from '../import/community';

const path = process.argv[2];
if (!path) {
	console.error('Usage: npm run import -- community.json');
	process.exit(2);
}

let json: unknown;
try {
	json = JSON.parse(readFileSync(path, 'utf8'));
} catch (failure) {
	console.error(`Could not read ${path} as JSON: ${(failure as Error).message}`);
	process.exit(2);
}
const parsed = communityFileSchema.safeParse(json);
if (!parsed.success) {
	console.error(`${path} is not a community file. Nothing was imported:`);
	for (const issue of parsed.error.issues) console.error(`  ${issue.path.join('.') || '(file)'}: ${issue.message}`);
	process.exit(2);
}

const handle = await connectDatabase(readConfig().database, 1);
try {
	await migrateToLatest(handle.db);
	const summary = await importCommunity(handle.db, parsed.data, hashPassword);
	console.log(
		`Buildings: ${summary.buildings.created} added, ${summary.buildings.updated} updated. ` +
			`Elders: ${summary.elders.created} added, ${summary.elders.updated} updated. ` +
			`Volunteers: ${summary.newLogins.length} added` +
			(summary.existingUsernames.length
				? `, ${summary.existingUsernames.length} already there (left as they are: ${summary.existingUsernames.join(', ')}).`
				: '.')
	);
	if (summary.newLogins.length) {
		console.log('\nFirst passwords, shown this once. Hand each to its volunteer, who changes it on their account page (/account):');
		for (const login of summary.newLogins) console.log(`  ${login.username.padEnd(20)} ${login.password}  (${login.name})`);
	}
} catch (failure) {
	if (!(failure instanceof ImportProblem)) throw failure;
	console.error(`Nothing was imported:\n  ${failure.problems.join('\n  ')}`);
	process.exitCode = 2;
} finally {
	await handle.close();
}
