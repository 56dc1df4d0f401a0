import type { Migration } from 'kysely';
import * as initial from './2026-11-26T0000-initial';
import * as visitDueAndHistoryIndexes from './2026-11-26T1200-visit-due-and-history-indexes';

// Listed statically so the same migrations are bundled into the built server
// and run by `npm run migrate`. Names sort by date; never rename or edit one.
export const migrations: Record<string, Migration> = {
	'2026-11-26T0000-initial': initial,
	'2026-11-26T1200-visit-due-and-history-indexes': visitDueAndHistoryIndexes
};
