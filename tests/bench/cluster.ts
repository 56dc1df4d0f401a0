import { sleep } from './clock';
import type { LoadFleet } from './load-fleet';
import type { BenchUser, BuildingPoint } from './bench-fixtures';
import { connectAll, createRequest, paced, pathFigures, sent, type ConnectFigures, type PathFigures, type Sent } from './latency';
import { percentileRatios, summarize, type Summary } from './stats';

export interface ClusterSetup {
	/** The node every create goes through, and the other one; both run with CLUSTER=postgres. */
	nodeAUrl: string;
	nodeBUrl: string;
	fleet: LoadFleet;
	/** The dispatcher the driver acts as; not one of the measured sockets. */
	driver: BenchUser;
	/** Half of them connect to node A, the other half to node B. */
	dispatchers: BenchUser[];
	buildings: BuildingPoint[];
	rate: number;
	seconds: number;
	log(line: string): void;
}

export interface ClusterFigures {
	skipped: false;
	rate: number;
	seconds: number;
	/** create → request:created at the dispatchers on node A, where the create was made. */
	sameNode: PathFigures;
	/** The same at the dispatchers on node B: the event crossed the PostgreSQL adapter. */
	crossNode: PathFigures;
	/** cross node / same node. */
	ratio: Record<'p50' | 'p95' | 'p99', number>;
	createHttp: Summary;
	connect: { nodeA: ConnectFigures; nodeB: ConnectFigures };
}
export type ClusterResult = ClusterFigures | { skipped: true; reason: string };

/** The nodes share events through LISTEN/NOTIFY, which an embedded PGlite has no second client for. */
export const CLUSTER_NEEDS_POSTGRES = {
	skipped: true,
	reason: 'two nodes share events through @socket.io/postgres-adapter, which needs real PostgreSQL; set DATABASE_URL to run it'
} as const satisfies ClusterResult;

/**
 * create → request:created for dispatchers on the node that made the change and on another
 * node, under the same creates, so the difference is what the cluster adapter adds.
 */
export async function measureCluster(setup: ClusterSetup): Promise<ClusterFigures> {
	const { fleet, dispatchers, rate, log } = setup;
	const onNodeA = dispatchers.slice(0, Math.floor(dispatchers.length / 2));
	const onNodeB = dispatchers.slice(onNodeA.length);
	const plans = (users: BenchUser[]) => users.map((u) => ({ cookie: u.cookie }));

	log(`  connecting ${onNodeA.length} dispatcher sockets to node A and ${onNodeB.length} to node B`);
	const connect = {
		nodeA: await connectAll(fleet, 'node-a', setup.nodeAUrl, plans(onNodeA), log),
		nodeB: await connectAll(fleet, 'node-b', setup.nodeBUrl, plans(onNodeB), log)
	};
	await sleep(1000); // let the presence announcements of the arrivals drain

	const created: Sent[] = [];
	const create = async (i: number, recording: Sent[] | null) => {
		const response = await createRequest(setup.nodeAUrl, setup.driver, setup.buildings, i);
		recording?.push(sent(response.body.id, response));
	};
	log('  warming up both nodes and the adapter (1 s, not recorded)');
	const index = await paced(rate, 1, 0, (i) => create(i, null));
	log(`  measuring: ${setup.seconds} s at ${rate} creates/s through node A`);
	await paced(rate, setup.seconds, index, (i) => create(i, created));
	await sleep(1000); // stragglers
	const samples = await fleet.collect();
	await fleet.disconnect('node-a');
	await fleet.disconnect('node-b');

	const sameNode = pathFigures(samples, 'node-a', 'request:created', created, onNodeA.length);
	const crossNode = pathFigures(samples, 'node-b', 'request:created', created, onNodeB.length);
	return {
		skipped: false,
		rate,
		seconds: setup.seconds,
		sameNode,
		crossNode,
		ratio: percentileRatios(crossNode.fromReturn, sameNode.fromReturn),
		createHttp: summarize(created.map((c) => c.returnedAt - c.sentAt)),
		connect
	};
}

/** What was not delivered (or delivered twice), in words; null when every socket got every create. */
export function missedDeliveries(result: ClusterFigures): string | null {
	const nodes = [
		['node A (same node)', result.sameNode],
		['node B (cross node)', result.crossNode]
	] as const;
	const wrong = nodes
		.filter(([, f]) => f.delivered !== f.expected)
		.map(([node, f]) => `${node} got ${f.delivered} of ${f.expected} request:created events`);
	return wrong.length ? `Across two nodes: ${wrong.join('; ')}.` : null;
}
