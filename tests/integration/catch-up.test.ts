// Catch-up: clients that drop (their network, or the server restarting) end with every change
// they missed, each event applied at most once and never an older snapshot over a newer one.
// 1,000 events, random disconnects, one restart. The clients run the browser's own LiveFeed over
// real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { forkServer, type ForkedServer } from '../helpers/server';
import { CatchUpClient, allEventsAfter } from '../helpers/catch-up-client';
import { onDuty, signedIn, someBuilding, sleep, type SignedIn } from '../helpers/api-factories';
import type { RequestView } from '../../src/lib/api/types';
import type { CaughtUpEvent } from '../../src/lib/realtime/events';
import { CATCH_UP_PAGE } from '../../src/lib/server/services/catch-up';
import type { RequestType } from '../../src/lib/dispatch/vocabulary';

const TARGET_EVENTS = 1000;
const WRITERS = 4;
// Catch-up answers take up to this long to arrive, so live events overtake them.
const SLOW_NETWORK_MS = 150;
// A feed asks on each (re)connect; beyond that only a failed answer, a full page or a quiet minute.
const EXTRA_CATCH_UPS = 5;

// The heaviest test of the suite runs once: on real PostgreSQL when there is one, with two app
// nodes sharing events through the PostgreSQL adapter, so events also arrive out of seq order
// (a node's own events are sent at once, the other node's a moment later).
describe(`catch-up on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	const nodes: ForkedServer[] = [];

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		const env = engine === 'postgres' ? { ...database.env, CLUSTER: 'postgres' } : database.env;
		nodes.push(await forkServer(env));
		if (engine === 'postgres') nodes.push(await forkServer(env));
	});
	afterAll(async () => {
		for (const node of nodes) await node.stop();
		await database?.drop();
	});

	it('brings every client to the last snapshot of everything over 1,000 events, none applied twice, through disconnects and a restart', async () => {
		const url = (i: number) => nodes[i % nodes.length]!.url;
		const staff = await Promise.all(['dispatcher', 'dispatcher2', 'coordinator'].map((name, i) => signedIn(url(i), name)));
		const volunteers = await Promise.all(['vol01', 'vol02', 'vol03', 'vol04'].map((name, i) => signedIn(url(i), name)));
		const skills = await Promise.all(volunteers.map(onDuty));
		const building = await someBuilding(staff[0]!.call);
		const history = await allEventsAfter(url(0), staff[0]!.cookie, 0);
		const since = history[history.length - 1]!.seq;

		const everyone = [...staff, ...volunteers];
		const clients = everyone.map((who, i) => new CatchUpClient(url(i + 1), who.cookie, since, { slowNetworkMs: SLOW_NETWORK_MS }));
		const isVolunteer = (i: number) => everyone[i]!.user.role === 'volunteer';
		await Promise.all(
			clients.map((c) => new Promise<void>((resolve) => (c.socket.connected ? resolve() : c.socket.once('connect', () => resolve()))))
		);

		// Writers: request lifecycles on four volunteers, through whatever the servers are doing.
		let produced = 0;
		let restarted = false;
		const writer = async (index: number) => {
			const dispatcher = staff[index % staff.length]!;
			while (produced < TARGET_EVENTS) {
				const v = Math.floor(Math.random() * volunteers.length);
				await lifecycle(dispatcher, volunteers[v]!, skills[v]!, building.id, () => produced++); // one skill per volunteer
				if (!restarted && produced >= TARGET_EVENTS / 2) {
					restarted = true;
					const port = nodes[0]!.port;
					await nodes[0]!.stop();
					nodes[0] = await forkServer(engine === 'postgres' ? { ...database.env, CLUSTER: 'postgres' } : database.env, port);
				}
			}
		};

		// Chaos: drop random clients' connections while the writers work.
		let disconnects = 0;
		let chaos = true;
		const chaosLoop = (async () => {
			while (chaos) {
				await sleep(20 + Math.random() * 60);
				const client = clients[Math.floor(Math.random() * clients.length)]!;
				if (!client.socket.connected) continue;
				disconnects += 1;
				if (Math.random() < 0.5) {
					// The network goes: the transport closes and socket.io reconnects by itself.
					client.socket.io.engine.close();
				} else {
					client.socket.disconnect();
					setTimeout(() => client.socket.connect(), Math.random() * 250);
				}
			}
		})();

		const started = Date.now();
		const progress = setInterval(
			() => console.log(`[catch-up ${engine}] ${produced} events after ${Math.round((Date.now() - started) / 1000)} s`),
			5000
		);
		await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
		clearInterval(progress);
		chaos = false;
		await chaosLoop;

		// The truth is the events table, as each user may read it.
		const truths = await Promise.all(everyone.map((who) => allEventsAfter(url(0), who.cookie, since)));
		expect(truths[0]!.length).toBeGreaterThanOrEqual(TARGET_EVENTS);
		// Let every client settle; what they then hold is compared with the truth, event by event.
		// A feed need not come back to every event, only to each thing's last snapshot.
		const settled = () => clients.every((c, i) => sameLastSnapshots(c.applied, truths[i]!));
		for (let waited = 0; !settled() && waited < 30_000; waited += 100) await sleep(100);

		let checked = 0;
		let superseded = 0;
		for (const [i, client] of clients.entries()) {
			const truth = truths[i]!; // one truth per client, read as its user
			const who = everyone[i]!.user.username;
			const appliedTwice = client.applied.length - new Set(client.applied.map(snapshotId)).size;
			// Snapshots apply as they come: an older one that arrives after a newer one (from the
			// other node) is rightly skipped. So: nothing lost (each thing ends at its last snapshot),
			// nothing applied twice, snapshots only ever get newer.
			const lost = [...lastSnapshots(truth)].filter(([key, fresh]) => lastSnapshots(client.applied).get(key) !== fresh).length;
			expect({ who, lost, appliedTwice }).toEqual({ who, lost: 0, appliedTwice: 0 });
			expect(client.applied.filter((_, at) => !isNewer(client.applied, at))).toEqual([]);
			// What it applied is the truth, event for event, but for a volunteer's contacts: they heard
			// a task's contact live while it was theirs; read back once the task is finished, the same
			// events carry none (contacts expire).
			const asRead = isVolunteer(i) ? withoutContact : (e: CaughtUpEvent) => e;
			const truthById = new Map(truth.map((e) => [snapshotId(e), asRead(e)]));
			expect(client.applied.map(asRead)).toEqual(client.applied.map((e) => truthById.get(snapshotId(e))));
			if (isVolunteer(i)) {
				const lastStatus = new Map(
					truth.flatMap((e) => ('request' in e.data ? [[e.data.request.id, e.data.request.status] as const] : []))
				);
				const finished = truth.filter(
					(e) => 'request' in e.data && ['completed', 'cancelled'].includes(lastStatus.get(e.data.request.id)!)
				);
				expect(finished.length).toBeGreaterThan(0);
				expect(finished.filter((e) => 'request' in e.data && e.data.request.contactPhone !== undefined)).toEqual([]);
			}
			superseded += truth.length - client.applied.length;
			checked += truth.length;
			// Nobody asks after every event: only when their socket (re)connects, and now and then.
			expect({ who, asked: client.catchUpRequests }).toEqual({
				who,
				asked: Math.min(client.catchUpRequests, client.connects + EXTRA_CATCH_UPS)
			});
		}
		const sum = (list: CatchUpClient[], count: (c: CatchUpClient) => number) => list.reduce((n, c) => n + count(c), 0);
		const live = sum(clients, (c) => c.liveArrivals);
		const caughtUp = sum(clients, (c) => c.caughtUpArrivals);
		// Both paths were exercised: events came live, and missed ones came by catch-up.
		expect(live).toBeGreaterThan(0);
		expect(caughtUp).toBeGreaterThan(0);
		expect(restarted).toBe(true);
		expect(disconnects).toBeGreaterThanOrEqual(50);
		console.log(
			`[catch-up ${engine}, ${nodes.length} node(s)] ${truths[0]!.length} events; ${checked} deliveries checked over ${clients.length} clients; ` +
				`${disconnects} disconnects injected + 1 server restart; ${live} live arrivals, ${caughtUp} by catch-up; 0 lost, 0 applied twice; ` +
				`${sum(clients, (c) => c.connects)} (re)connects, ${sum(clients, (c) => c.catchUpRequests)} catch-up requests, ` +
				`${superseded} older snapshots skipped`
		);
		for (const client of clients) client.close();
	}, 240_000);

	it('answers GET /api/events?after= without a limit with every event after it, however many pages that is', async () => {
		for (const name of ['dispatcher', 'vol01']) {
			const who = await signedIn(nodes[0]!.url, name);
			const paged = await allEventsAfter(nodes[0]!.url, who.cookie, 0);
			const response = await fetch(`${nodes[0]!.url}/api/events?after=0`, { headers: { cookie: who.cookie } });
			expect(response.headers.get('content-type')).toMatch(/^application\/json/);
			const whole = (await response.json()) as { seq: number }[];
			expect(whole).toEqual(paged);
			if (name === 'dispatcher') expect(whole.length).toBeGreaterThan(CATCH_UP_PAGE);
			expect(whole.length).toBeGreaterThan(0);
			const from = whole[Math.floor(whole.length / 2)]!.seq;
			const tail = (await (await fetch(`${nodes[0]!.url}/api/events?after=${from}`, { headers: { cookie: who.cookie } })).json()) as {
				seq: number;
			}[];
			expect(tail).toEqual(whole.filter((e) => e.seq > from));
		}
	});
});

/** One request's life, counting each committed change. Network failures end the chain early. */
async function lifecycle(dispatcher: SignedIn, volunteer: SignedIn, type: RequestType, buildingId: string, count: () => void) {
	const step = async (who: SignedIn, method: string, path: string, body: unknown): Promise<RequestView | null> => {
		for (let attempt = 0; attempt < 100; attempt++) {
			try {
				const answer = await who.call<RequestView>(method, path, body);
				if (answer.status >= 200 && answer.status < 300) {
					count();
					return answer.body;
				}
				if (answer.status !== 503) return null;
			} catch {
				// The server is restarting: try again shortly.
			}
			await sleep(100);
		}
		return null;
	};
	const created = await step(dispatcher, 'POST', '/api/requests', { type, buildingId, description: '追赶测试' });
	if (!created) return;
	const roll = Math.random();
	if (roll < 0.2) return void (await step(dispatcher, 'POST', `/api/requests/${created.id}/cancel`, { reason: '测试取消' }));
	const assigned = await step(dispatcher, 'POST', `/api/requests/${created.id}/assign`, {
		volunteerId: volunteer.user.volunteerId,
		version: created.version
	});
	if (!assigned) return;
	if (roll < 0.35) return void (await step(volunteer, 'POST', `/api/requests/${created.id}/decline`, {}));
	for (const action of ['accept', 'start', 'complete']) {
		if (!(await step(volunteer, 'POST', `/api/requests/${created.id}/${action}`, {}))) return;
	}
	if (roll > 0.9) await step(volunteer, 'PUT', '/api/me/availability', { available: true });
}

/** What each event is a snapshot of, and how fresh: as the browser's SnapshotSequencer reads it. */
function snapshotOf(event: CaughtUpEvent): { key: string; fresh: number } {
	const data = event.data;
	if ('request' in data)
		return { key: `${event.event === 'team:request' ? 'team-request' : 'request'}:${data.request.id}`, fresh: data.request.version };
	const key =
		'volunteer' in data ? `volunteer:${data.volunteer.id}` : 'service' in data ? `service:${data.service.code}` : `team:${data.team.id}`;
	return { key, fresh: event.seq };
}
const snapshotId = (event: CaughtUpEvent) => `${event.seq} ${snapshotOf(event).key}`;

/** Each thing's last snapshot among these events. */
function lastSnapshots(events: CaughtUpEvent[]): Map<string, number> {
	const last = new Map<string, number>();
	for (const event of events) {
		const { key, fresh } = snapshotOf(event);
		last.set(key, Math.max(fresh, last.get(key) ?? -1));
	}
	return last;
}

function sameLastSnapshots(applied: CaughtUpEvent[], truth: CaughtUpEvent[]): boolean {
	const held = lastSnapshots(applied);
	return [...lastSnapshots(truth)].every(([key, fresh]) => held.get(key) === fresh);
}

/** Whether the event at `at` is a newer snapshot of its thing than any applied before it. */
function isNewer(applied: CaughtUpEvent[], at: number): boolean {
	const { key, fresh } = snapshotOf(applied[at]!);
	return applied.slice(0, at).every((e) => snapshotOf(e).key !== key || snapshotOf(e).fresh < fresh);
}

/** An event as it reads without a resident's contact. */
function withoutContact(event: CaughtUpEvent): CaughtUpEvent {
	if (!('request' in event.data)) return event;
	const { contactName: _name, contactPhone: _phone, ...request } = event.data.request;
	return { ...event, data: { ...event.data, request } } as CaughtUpEvent;
}
