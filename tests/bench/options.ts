export const PHASES = ['board', 'latency', 'memory', 'ranking', 'cluster'] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
	quick: boolean;
	/** Dispatcher sockets (D) and volunteer sockets (V) during the latency run; the cluster run splits D over two nodes. */
	dispatchers: number;
	volunteers: number;
	/** Creates per second (R); each create is followed by one assignment. The cluster phase creates at R too. */
	rate: number;
	/** Measured seconds per target (T), split into alternating app/baseline slices; the cluster phase measures T seconds. */
	seconds: number;
	sliceSeconds: number;
	/** Idle authenticated sockets for the memory figure. */
	idleSockets: number;
	/** Volunteers in the database for ranking (and the pool the sockets sign in as). */
	rankingVolunteers: number;
	rankingCalls: number;
	boardRequests: number;
	burst: number;
	/** Load-generator processes the sockets are spread over. */
	clients: number;
	/** Run the app server with --cpu-prof; profiles land in bench-profiles/. */
	profile: boolean;
	phases: Phase[];
	out: string;
}

const FULL: Omit<BenchOptions, 'quick' | 'profile' | 'phases' | 'out'> = {
	dispatchers: 200,
	volunteers: 2000,
	rate: 20,
	seconds: 30,
	sliceSeconds: 3,
	idleSockets: 10_000,
	rankingVolunteers: 10_000,
	rankingCalls: 1000,
	boardRequests: 1000,
	burst: 100,
	clients: 4
};

// About a minute in all: enough to prove every phase still works, not to quote.
const QUICK: typeof FULL = {
	dispatchers: 20,
	volunteers: 200,
	rate: 20,
	seconds: 3,
	sliceSeconds: 1.5,
	idleSockets: 500,
	rankingVolunteers: 1000,
	rankingCalls: 100,
	boardRequests: 200,
	burst: 20,
	clients: 2
};

const NUMERIC: Record<string, keyof typeof FULL> = {
	d: 'dispatchers',
	dispatchers: 'dispatchers',
	v: 'volunteers',
	volunteers: 'volunteers',
	r: 'rate',
	rate: 'rate',
	t: 'seconds',
	seconds: 'seconds',
	slice: 'sliceSeconds',
	sockets: 'idleSockets',
	'ranking-volunteers': 'rankingVolunteers',
	'ranking-calls': 'rankingCalls',
	'board-requests': 'boardRequests',
	burst: 'burst',
	clients: 'clients'
};

export const USAGE = `npm run bench [-- options]
  --quick                 a one-minute smoke version (small D, V, T and socket counts)
  --only=board,latency,memory,ranking,cluster   run some phases only
  --D=200 --V=2000 --R=20 --T=30        the latency run (dispatchers, volunteers, creates/s, seconds);
                                        cluster uses D, R and T too (two nodes, needs DATABASE_URL)
  --slice=3               seconds per alternating app/baseline slice
  --sockets=10000         idle authenticated sockets for the memory figure
  --ranking-volunteers=10000 --ranking-calls=1000
  --board-requests=1000 --burst=100
  --clients=4             load-generator processes
  --profile               start the app with --cpu-prof (profiles in bench-profiles/)
  --out=bench-results.json`;

export function parseOptions(argv: string[]): BenchOptions {
	const quick = argv.includes('--quick');
	const options: BenchOptions = { ...(quick ? QUICK : FULL), quick, profile: false, phases: [...PHASES], out: 'bench-results.json' };
	for (const arg of argv) {
		const match = /^--([a-zA-Z-]+)(?:=(.*))?$/.exec(arg);
		if (!match) throw new Error(`Unknown argument ${arg}\n${USAGE}`);
		const [, rawName, value] = match;
		const name = rawName!.toLowerCase(); // group 1 is not optional
		// Own keys only: `in` would also accept inherited names such as "constructor".
		const numeric = Object.hasOwn(NUMERIC, name) ? NUMERIC[name] : undefined;
		if (name === 'quick') continue;
		if (name === 'profile') options.profile = true;
		else if (name === 'out' && value) options.out = value;
		else if (name === 'only' && value) options.phases = parsePhases(value);
		else if (numeric && value !== undefined && Number(value) > 0) options[numeric] = Number(value);
		else throw new Error(`Unknown or malformed option ${arg}\n${USAGE}`);
	}
	options.idleSockets = Math.min(options.idleSockets, options.rankingVolunteers);
	options.volunteers = Math.min(options.volunteers, options.rankingVolunteers);
	return options;
}

function parsePhases(list: string): Phase[] {
	const phases = list.split(',').map((p) => p.trim());
	for (const p of phases)
		if (!(PHASES as readonly string[]).includes(p)) throw new Error(`Unknown phase ${p}; phases are ${PHASES.join(', ')}`);
	return PHASES.filter((p) => phases.includes(p));
}
