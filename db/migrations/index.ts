import type { Migration } from 'kysely';
import * as initial from './2026-11-26T0000-initial';
import * as cluster from './2026-11-26T0900-cluster';
import * as presence from './2026-11-26T0905-presence';
import * as mapFeatures from './2026-11-26T0910-map-features';
import * as visitDueAndHistoryIndexes from './2026-11-26T1200-visit-due-and-history-indexes';
import * as candidateIndexes from './2026-11-26T1300-candidate-indexes';
import * as loginAttempts from './2026-11-26T1300-login-attempts';
import * as workloadIndex from './2026-11-26T1400-workload-index';
import * as eventMeta from './2026-12-04T2100-event-meta';
import * as county from './2026-12-05T0000-county';
import * as releaseAndAttention from './2026-12-05T0300-release-and-attention';
import * as tasksBackToQueue from './2026-12-06T0000-tasks-back-to-queue';
import * as autoOffer from './2026-12-07T0000-auto-offer';
import * as residentsLoop from './2026-12-08T0000-residents-loop';

// Listed statically so the same migrations are bundled into the built server
// and run by `npm run migrate`. Names sort by date; never rename or edit one.
export const migrations: Record<string, Migration> = {
	'2026-11-26T0000-initial': initial,
	'2026-11-26T0900-cluster': cluster,
	'2026-11-26T0905-presence': presence,
	'2026-11-26T0910-map-features': mapFeatures,
	'2026-11-26T1200-visit-due-and-history-indexes': visitDueAndHistoryIndexes,
	'2026-11-26T1300-candidate-indexes': candidateIndexes,
	'2026-11-26T1300-login-attempts': loginAttempts,
	'2026-11-26T1400-workload-index': workloadIndex,
	'2026-12-04T2100-event-meta': eventMeta,
	'2026-12-05T0000-county': county,
	'2026-12-05T0300-release-and-attention': releaseAndAttention,
	'2026-12-06T0000-tasks-back-to-queue': tasksBackToQueue,
	'2026-12-07T0000-auto-offer': autoOffer,
	'2026-12-08T0000-residents-loop': residentsLoop
};
