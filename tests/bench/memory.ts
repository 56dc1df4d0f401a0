import { nowMs, sleep } from './clock';
import { expectStatus } from './http-timing';
import type { LoadFleet } from './load-fleet';
import type { BenchUser } from './bench-fixtures';
import type { ServerProcess } from './processes';
import { median } from './stats';

export interface MemoryResult {
	sockets: number;
	idleRss: number;
	rssWithSockets: number;
	bytesPerConnection: number;
	connectSeconds: number;
	/** What the load clients themselves held, for scale. */
	clientRss: number;
}

async function settledRss(server: ServerProcess): Promise<number> {
	await sleep(3000);
	const readings: number[] = [];
	for (let i = 0; i < 5; i++) {
		readings.push(server.rss());
		await sleep(200);
	}
	return median(readings);
}

/**
 * RSS of a fresh server, then with N idle authenticated sockets. Before the idle reading the
 * server answers a few requests and one socket, so the code that every connection needs is
 * already loaded and only the connections themselves are counted.
 */
export async function measureMemory(
	server: ServerProcess,
	fleet: LoadFleet,
	users: BenchUser[],
	log: (line: string) => void
): Promise<MemoryResult> {
	for (let i = 0; i < 5; i++) await expectStatus(200, 'GET', `${server.url}/api/session`, { cookie: users[i]!.cookie });
	await fleet.connect('warm-up', server.url, [{ cookie: users[0]!.cookie }]);
	await fleet.disconnect('warm-up');
	const idleRss = await settledRss(server);
	log(`  idle: ${(idleRss / 2 ** 20).toFixed(0)} MiB; connecting ${users.length} idle sockets`);

	const started = nowMs();
	const totals = await fleet.connect(
		'idle',
		server.url,
		users.map((u) => ({ cookie: u.cookie }))
	);
	const connectSeconds = (nowMs() - started) / 1000;
	if (totals.connected !== users.length) {
		throw new Error(
			`only ${totals.connected} of ${users.length} idle sockets connected (${totals.firstError}); is the open-file limit high enough?`
		);
	}
	const rssWithSockets = await settledRss(server);
	log(`  with ${totals.connected} sockets (connected in ${connectSeconds.toFixed(1)} s): ${(rssWithSockets / 2 ** 20).toFixed(0)} MiB`);
	await fleet.disconnect('idle');
	return {
		sockets: totals.connected,
		idleRss,
		rssWithSockets,
		bytesPerConnection: Math.round((rssWithSockets - idleRss) / totals.connected),
		connectSeconds,
		clientRss: totals.clientRssBytes
	};
}
