// npm run bench: the performance figures of the production build, each beside its floor.
// See docs/performance.md for what is measured and how.
import { cpus, loadavg, release, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { nowMs } from './clock';
import { createBenchDatabase } from './bench-database';
import { addDispatchers, addSessionFor, addVolunteers, listBuildings, topUpActiveRequests } from './bench-fixtures';
import { closeAgent } from './http-timing';
import { LoadFleet } from './load-fleet';
import { measureBoard } from './board';
import { CLUSTER_NEEDS_POSTGRES, measureCluster, missedDeliveries } from './cluster';
import { measureLatency } from './latency';
import { measureMemory } from './memory';
import { measureRanking, measureRankingInProcess } from './ranking';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { startAppServer, startBaselineServer, type ServerProcess } from './processes';
import { checkTargets, formatReport, type BenchResults } from './report';

const PROFILE_DIR = 'bench-profiles';

const benchStarted = nowMs();
/** Progress lines carry the seconds since start, so a slow phase shows itself. */
function log(line: string) {
	const seconds = `${Math.round((nowMs() - benchStarted) / 1000)} s`.padStart(6);
	console.log(line.startsWith('\n') ? `\n${seconds}  ${line.slice(1)}` : `${seconds}  ${line}`);
}

/** The soft open-file limit of this process; its children inherit it. */
function openFileLimit(): number {
	const limits = readFileSync('/proc/self/limits', 'utf8');
	const match = /Max open files\s+(\d+|unlimited)/.exec(limits);
	return !match || match[1] === 'unlimited' ? Infinity : Number(match[1]);
}

function requireOpenFiles(options: BenchOptions) {
	// The server holds every socket; each load client holds its share of them.
	const needed = Math.max(options.idleSockets, options.dispatchers + options.volunteers) + 1024;
	const limit = openFileLimit();
	if (limit < needed) {
		throw new Error(
			`The open-file limit is ${limit}, and this run needs about ${needed} in the server process. ` +
				`Run it through npm run bench (which raises the soft limit to the hard one), or raise the hard limit: see docs/performance.md.`
		);
	}
}

async function withServer<T>(env: Record<string, string>, options: BenchOptions, work: (server: ServerProcess) => Promise<T>): Promise<T> {
	const server = await startAppServer(env, options.profile ? { profileDir: PROFILE_DIR } : {});
	try {
		return await work(server);
	} finally {
		await server.stop();
	}
}

async function main() {
	if (process.argv.includes('--help')) return void console.log(USAGE);
	const options = parseOptions(process.argv.slice(2));
	requireOpenFiles(options);
	const started = nowMs();
	if (options.profile) mkdirSync(PROFILE_DIR, { recursive: true });
	const results: BenchResults = {
		date: new Date().toISOString(),
		machine: {
			cpus: cpus().length,
			cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
			memoryGiB: Math.round(totalmem() / 2 ** 30),
			os: `Linux ${release()}`,
			node: process.versions.node,
			loadAverageAtStart: loadavg()
		},
		engine: process.env.DATABASE_URL ? 'postgres' : 'pglite',
		options,
		latency: null,
		memory: null,
		ranking: null,
		board: null,
		cluster: null,
		targets: [],
		notes: [],
		durationSeconds: 0
	};
	log(
		`Bench database: ${results.engine === 'postgres' ? 'a new database on DATABASE_URL’s server' : 'embedded PGlite in a temporary directory'}; phases ${options.phases.join(', ')}${options.quick ? ' (--quick)' : ''}`
	);

	const database = await createBenchDatabase(process.env.DATABASE_URL);
	let fleet: LoadFleet | null = null;
	try {
		const buildings = await database.use(listBuildings);
		const [viewer, driver] = await database.use(async (db) => [
			await addSessionFor(db, 'dispatcher'),
			await addSessionFor(db, 'dispatcher2')
		]);

		// The board runs first, on the demo community alone: a dispatcher's map shows every
		// on-duty volunteer, and the thousands added below are for the other phases.
		if (options.phases.includes('board')) {
			log(`\n[board] ${options.boardRequests} active requests, a burst of ${options.burst} in Chromium`);
			await database.use((db) => topUpActiveRequests(db, buildings, options.boardRequests));
			results.board = await withServer(database.env, options, (server) =>
				measureBoard(server.url, viewer, driver, buildings, options.boardRequests, options.burst)
			);
		}

		const clusterRuns = options.phases.includes('cluster') && database.engine === 'postgres';
		if (options.phases.includes('cluster') && !clusterRuns) {
			results.cluster = CLUSTER_NEEDS_POSTGRES;
			results.notes.push(`Cross-node delivery skipped: ${CLUSTER_NEEDS_POSTGRES.reason}.`);
		}
		// The cluster phase connects dispatchers only; thousands of volunteers would just cost time.
		const needsVolunteers = options.phases.some((phase) => phase === 'latency' || phase === 'memory' || phase === 'ranking');
		if (needsVolunteers || clusterRuns) {
			const volunteerCount = needsVolunteers ? options.rankingVolunteers : 0;
			log(`\n[setup] ${options.dispatchers} dispatchers and ${volunteerCount} volunteers with sessions`);
			const { dispatchers, volunteers } = await database.use(async (db) => ({
				dispatchers: await addDispatchers(db, options.dispatchers),
				volunteers: await addVolunteers(db, buildings, volunteerCount, options.volunteers)
			}));
			fleet = new LoadFleet(options.clients);

			if (options.phases.includes('latency')) {
				log(`\n[latency] create to screen, app against a bare socket.io baseline`);
				const baseline = await startBaselineServer();
				try {
					results.latency = await withServer(database.env, options, (server) =>
						measureLatency(
							{
								appUrl: server.url,
								baselineUrl: baseline.url,
								fleet: fleet!,
								driver,
								dispatchers,
								volunteers: volunteers.slice(0, options.volunteers),
								buildings,
								rate: options.rate,
								seconds: options.seconds,
								sliceSeconds: options.sliceSeconds,
								log
							},
							() => server.rss()
						)
					);
				} finally {
					await baseline.stop();
				}
			}
			// Memory needs a fresh server; ranking then reuses it once the idle sockets are gone.
			if (options.phases.includes('memory') || options.phases.includes('ranking')) {
				await withServer(database.env, options, async (server) => {
					if (options.phases.includes('memory')) {
						log(`\n[memory] server RSS idle and with ${options.idleSockets} idle sockets`);
						results.memory = await measureMemory(server, fleet!, volunteers.slice(0, options.idleSockets), log);
					}
					if (options.phases.includes('ranking')) {
						log(`\n[ranking] candidates endpoint with ${volunteers.length} bench volunteers`);
						results.ranking = await measureRanking(server.url, driver, buildings, volunteers.length, options.rankingCalls);
						if (results.ranking.skipped) results.notes.push(`Ranking skipped: ${results.ranking.reason}.`);
					}
				});
				// After the server has stopped: an embedded PGlite opens in one process at a time.
				const ranking = results.ranking;
				if (ranking && !ranking.skipped) {
					log(`[ranking] the same search in-process, without HTTP`);
					ranking.inProcess = await database.use((db) => measureRankingInProcess(db, ranking.requestIds, options.rankingCalls));
				}
			}
			if (clusterRuns) {
				log(`\n[cluster] create → dispatcher on the same node and across two nodes (CLUSTER=postgres)`);
				const clusterEnv = { ...database.env, CLUSTER: 'postgres' };
				const cluster = await withServer(clusterEnv, options, (nodeA) =>
					withServer(clusterEnv, options, (nodeB) =>
						measureCluster({
							nodeAUrl: nodeA.url,
							nodeBUrl: nodeB.url,
							fleet: fleet!,
							driver,
							dispatchers,
							buildings,
							rate: options.rate,
							seconds: options.seconds,
							log
						})
					)
				);
				results.cluster = cluster;
				const missed = missedDeliveries(cluster);
				if (missed) results.notes.push(missed);
			}
		}
	} finally {
		fleet?.close();
		closeAgent();
		await database.drop();
	}

	results.targets = checkTargets(results);
	results.durationSeconds = Math.round((nowMs() - started) / 1000);
	writeFileSync(options.out, `${JSON.stringify(results, null, '\t')}\n`);
	log(
		`\n${formatReport(results)}\n\nWrote ${options.out} in ${results.durationSeconds} s.${options.profile ? ` CPU profiles of the app server are in ${PROFILE_DIR}/.` : ''}`
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
