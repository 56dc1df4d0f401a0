// npm run import -- county.json: your own communities' buildings, volunteers and elders, and
// the county's teams (a file of one community works as it always has). Run it before starting
// the app, or restart the app nodes afterwards (each node's candidate roster reads volunteers
// and teams at start). See the README, "Your own community".
import { readFileSync } from 'node:fs';
import { readConfig } from '../../src/lib/server/config';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { importFileSchema, placeOf } from '../import/file-schema';
import { importCounty, type CommunitySummary } from '../import/county';
import { ImportProblem } from '../import/problems';

const path = process.argv[2];
if (!path) {
	console.error('Usage: npm run import -- county.json');
	process.exit(2);
}

let json: unknown;
try {
	json = JSON.parse(readFileSync(path, 'utf8'));
} catch (failure) {
	console.error(`Could not read ${path} as JSON: ${(failure as Error).message}`);
	process.exit(2);
}
const parsed = importFileSchema.safeParse(json);
if (!parsed.success) {
	console.error(`${path} is not a county or community file. Nothing was imported:`);
	for (const issue of parsed.error.issues) console.error(`  ${placeOf(issue.path) || '(file)'}: ${issue.message}`);
	process.exit(2);
}

const describe = (c: CommunitySummary) =>
	`${c.name} (${c.street}): ` +
	`Buildings: ${c.buildings.created} added, ${c.buildings.updated} updated. ` +
	`Elders: ${c.elders.created} added, ${c.elders.updated} updated. ` +
	`Volunteers: ${c.newLogins.length} added` +
	(c.existingUsernames.length
		? `, ${c.existingUsernames.length} already there (left as they are: ${c.existingUsernames.join(', ')}).`
		: '.');

const handle = await connectDatabase(readConfig().database, 1);
try {
	await migrateToLatest(handle.db);
	const summary = await importCounty(handle.db, parsed.data, hashPassword);
	for (const community of summary.communities) console.log(describe(community));
	if (parsed.data.teams.length) console.log(`Teams: ${summary.teams.created} added, ${summary.teams.updated} updated.`);
	const withLogins = summary.communities.filter((c) => c.newLogins.length);
	if (withLogins.length) {
		console.log('\nFirst passwords, shown this once. Hand each to its volunteer, who changes it on their account page (/account):');
		for (const community of withLogins) {
			console.log(`  ${community.name}:`);
			for (const login of community.newLogins) console.log(`    ${login.username.padEnd(20)} ${login.password}  (${login.name})`);
		}
	}
} catch (failure) {
	if (!(failure instanceof ImportProblem)) throw failure;
	console.error(`Nothing was imported:\n  ${failure.problems.join('\n  ')}`);
	process.exitCode = 2;
} finally {
	await handle.close();
}
