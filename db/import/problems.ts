// What an import finds wrong that only the database can tell, each named at its place in the file.
import type { Transaction } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';

export class ImportProblem extends Error {
	constructor(readonly problems: string[]) {
		super(problems.join('\n'));
	}
}

/** What the parts of one import share: its transaction, the catalogue's skills, the problems found so far. */
export interface ImportContext {
	trx: Transaction<Database>;
	skills: ReadonlySet<string>;
	problems: string[];
}

/** A place in the file: `volunteers[0].skills` of a community, under the community's own place. */
export const placeIn = (base: string, rest: string) => (base ? `${base}.${rest}` : rest);

/** Each of these skills that the service catalogue lacks, at its place in the file. */
export function unknownSkills(context: ImportContext, skills: readonly string[], place: string): string[] {
	return skills.flatMap((skill, i) =>
		context.skills.has(skill) ? [] : [`${place}[${i}]: "${skill}" is not a skill of the service catalogue`]
	);
}
