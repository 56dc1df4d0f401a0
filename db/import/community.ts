// The import of one community, as it has always been called: a county file of one community
// (see county.ts). Tests and helpers write a community straight into a database through it.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { asCountyFile, type CommunityFile } from './file-schema';
import { importCounty, type CommunitySummary } from './county';

export { communityFileSchema } from './file-schema';
export { ImportProblem } from './problems';

export async function importCommunity(
	db: Kysely<Database>,
	file: CommunityFile,
	hashPassword: (password: string) => Promise<string>
): Promise<CommunitySummary> {
	const summary = await importCounty(db, asCountyFile(file), hashPassword);
	return summary.communities[0]!;
}
