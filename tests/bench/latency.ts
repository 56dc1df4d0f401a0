import { randomUUID } from 'node:crypto';
import type { RequestView } from '../../src/lib/api/types';
import { FIRST_SERVICES } from '../../src/lib/dispatch/vocabulary';
import { nowMs, sleep, sleepUntil } from './clock';
import { expectStatus, type TimedResponse } from './http-timing';
import type { LoadFleet } from './load-fleet';
import { sampleKey, type MeasuredEvent, type SocketPlan } from './load-protocol';
import type { BenchUser, BenchVolunteer, BuildingPoint } from './bench-fixtures';
import { percentileRatios, summarize, type Summary } from './stats';

export interface LatencySetup {
	appUrl: string;
	baselineUrl: string;
	fleet: LoadFleet;
	/** The dispatcher the driver acts as; not one of the measured sockets. */
	driver: BenchUser;
	dispatchers: BenchUser[];
	/** All-skilled, on-duty volunteers; each gets a socket, and assignments rotate over them. */
	volunteers: BenchVolunteer[];
	buildings: BuildingPoint[];
	rate: number;
	seconds: number;
	sliceSeconds: number;
	log(line: string): void;
}

/** One measured change: which request, and when its HTTP call left and came back. */
export interface Sent {
	requestId: string;
	sentAt: number;
	returnedAt: number;
}

interface Recording {
	created: Sent[];
	assigned: Sent[];
}

/** What the app said, so the baseline can broadcast byte-for-byte the same kind of payload. */
interface Payload {
	created: RequestView;
	assigned: RequestView;
	volunteerId: string;
}

export interface PathFigures {
	/** From the HTTP call returning in the driver to arrival in the client. */
	fromReturn: Summary;
	/** From the HTTP call leaving the driver to arrival: includes the server's own work. */
	fromSend: Summary;
	delivered: number;
	expected: number;
}

export interface LatencyResult {
	dispatchers: number;
	volunteers: number;
	rate: number;
	seconds: number;
	app: { created: PathFigures; assigned: PathFigures; createHttp: Summary; assignHttp: Summary };
	baseline: { created: PathFigures; assigned: PathFigures };
	ratio: Record<'created' | 'assigned', Record<'p50' | 'p95' | 'p99', number>>;
	serverRssWithSockets: number;
	connect: { app: ConnectFigures; baseline: ConnectFigures };
}

export interface ConnectFigures {
	connected: number;
	failed: number;
	seconds: number;
}

type Tick = (index: number, tickAt: number, recording: Recording | null) => Promise<void>;

/** Open-loop pacing: tick i fires at start + i/R whatever earlier ticks are still doing. */
export async function paced(
	rate: number,
	seconds: number,
	firstIndex: number,
	tick: (index: number, at: number) => Promise<void>
): Promise<number> {
	const start = nowMs() + 5;
	const count = Math.round(rate * seconds);
	const inFlight: Promise<void>[] = [];
	for (let i = 0; i < count; i++) {
		const at = start + (i * 1000) / rate;
		await sleepUntil(at);
		inFlight.push(tick(firstIndex + i, at));
	}
	await Promise.all(inFlight);
	return firstIndex + count;
}

export async function measureLatency(setup: LatencySetup, appRss: () => number): Promise<LatencyResult> {
	const { fleet, dispatchers, volunteers, rate, log } = setup;
	const halfPeriod = 500 / rate;
	const payloads: Payload[] = [];

	const appTick: Tick = async (i, at, recording) => {
		const created = await createRequest(setup.appUrl, setup.driver, setup.buildings, i);
		recording?.created.push(sent(created.body.id, created));
		await sleepUntil(at + halfPeriod);
		const volunteer = volunteers[i % volunteers.length];
		if (!volunteer) throw new Error('the latency run needs on-duty volunteers to assign to');
		const assigned = await expectStatus<RequestView>(200, 'POST', `${setup.appUrl}/api/requests/${created.body.id}/assign`, {
			cookie: setup.driver.cookie,
			body: { volunteerId: volunteer.volunteerId, version: created.body.version }
		});
		recording?.assigned.push(sent(created.body.id, assigned));
		if (payloads.length < 1000) payloads.push({ created: created.body, assigned: assigned.body, volunteerId: volunteer.volunteerId });
	};

	const baselineTick: Tick = async (i, at, recording) => {
		const payload = payloads[i % payloads.length];
		if (!payload) throw new Error('the baseline replays what the app sent, and the app has sent nothing yet');
		// A fresh id of the same length, so every broadcast is told apart at the clients.
		const id = randomUUID();
		const emit = (deliveries: unknown[]) => expectStatus(204, 'POST', `${setup.baselineUrl}/emit`, { body: deliveries });
		const created = await emit([{ room: 'staff', event: 'request:created', data: { seq: i, request: { ...payload.created, id } } }]);
		recording?.created.push(sent(id, created));
		await sleepUntil(at + halfPeriod);
		const request = { ...payload.assigned, id };
		const assigned = await emit([
			{ room: 'staff', event: 'request:updated', data: { seq: i, request } },
			{ room: `volunteer:${payload.volunteerId}`, event: 'task:assigned', data: { seq: i, request } }
		]);
		recording?.assigned.push(sent(id, assigned));
	};

	// The baseline has no sessions: its sockets join, by query, the rooms the app would put them in.
	const appPlans = [...dispatchers, ...volunteers].map((u) => ({ cookie: u.cookie }));
	const baselinePlans = [
		...dispatchers.map(() => ({ rooms: 'staff' })),
		...volunteers.map((v) => ({ rooms: `volunteer:${v.volunteerId}` }))
	];

	log(`  connecting ${dispatchers.length} dispatcher and ${volunteers.length} volunteer sockets to the app and to the baseline`);
	const connected = {
		app: await connectAll(fleet, 'app', setup.appUrl, appPlans, log),
		baseline: await connectAll(fleet, 'baseline', setup.baselineUrl, baselinePlans, log)
	};
	await sleep(2000); // let the presence announcements of thousands of arrivals drain

	const app: Recording = { created: [], assigned: [] };
	const baseline: Recording = { created: [], assigned: [] };
	let index = 0;
	log('  warming up both servers (1 s each, not recorded)');
	index = await paced(rate, 1, index, (i, at) => appTick(i, at, null));
	index = await paced(rate, 1, index, (i, at) => baselineTick(i, at, null));

	const slices = Math.max(1, Math.round(setup.seconds / setup.sliceSeconds));
	const sliceSeconds = setup.seconds / slices;
	log(
		`  measuring: ${slices} × (${sliceSeconds.toFixed(1)} s app, ${sliceSeconds.toFixed(1)} s baseline) at ${rate} creates/s + ${rate} assignments/s`
	);
	for (let s = 0; s < slices; s++) {
		index = await paced(rate, sliceSeconds, index, (i, at) => appTick(i, at, app));
		await sleep(300);
		index = await paced(rate, sliceSeconds, index, (i, at) => baselineTick(i, at, baseline));
		await sleep(300);
	}
	await sleep(1000); // stragglers
	const serverRssWithSockets = appRss();
	const samples = await fleet.collect();
	await fleet.disconnect('app');
	await fleet.disconnect('baseline');

	const figures = (target: string, recording: Recording) => ({
		created: pathFigures(samples, target, 'request:created', recording.created, dispatchers.length),
		assigned: pathFigures(samples, target, 'task:assigned', recording.assigned, 1)
	});
	const appFigures = figures('app', app);
	const baselineFigures = figures('baseline', baseline);
	const ratios = (path: 'created' | 'assigned') => percentileRatios(appFigures[path].fromReturn, baselineFigures[path].fromReturn);
	return {
		dispatchers: dispatchers.length,
		volunteers: volunteers.length,
		rate,
		seconds: setup.seconds,
		app: {
			...appFigures,
			createHttp: summarize(app.created.map((c) => c.returnedAt - c.sentAt)),
			assignHttp: summarize(app.assigned.map((c) => c.returnedAt - c.sentAt))
		},
		baseline: baselineFigures,
		ratio: { created: ratios('created'), assigned: ratios('assigned') },
		serverRssWithSockets,
		connect: connected
	};
}

/** Create request number i as an intake desk would, through the app's own API. */
export function createRequest(
	appUrl: string,
	driver: BenchUser,
	buildings: BuildingPoint[],
	i: number
): Promise<TimedResponse<RequestView>> {
	const type = FIRST_SERVICES[i % FIRST_SERVICES.length]!;
	const building = buildings[(i * 7) % buildings.length]!;
	return expectStatus<RequestView>(201, 'POST', `${appUrl}/api/requests`, {
		cookie: driver.cookie,
		body: {
			type,
			buildingId: building.id,
			description: `基准测试 ${i}：厨房水龙头漏水`,
			unit: '3-201',
			urgency: i % 10 === 0 ? 'urgent' : 'normal',
			contactName: '王阿姨',
			contactPhone: '13800000000'
		}
	});
}

/**
 * Connects every planned socket through the fleet under `target` (the prefix of their samples),
 * failing unless all of them are in: a figure over fewer sockets than asked for would mislead.
 */
export async function connectAll(
	fleet: LoadFleet,
	target: string,
	url: string,
	plans: SocketPlan[],
	log: (line: string) => void
): Promise<ConnectFigures> {
	const started = nowMs();
	const totals = await fleet.connect(target, url, plans);
	const seconds = (nowMs() - started) / 1000;
	log(
		`  ${target}: ${totals.connected} sockets connected in ${seconds.toFixed(1)} s${totals.failed ? `, ${totals.failed} failed (${totals.firstError})` : ''}`
	);
	if (totals.connected !== plans.length) throw new Error(`only ${totals.connected} of ${plans.length} sockets connected to the ${target}`);
	return { connected: totals.connected, failed: totals.failed, seconds };
}

export function sent(requestId: string, response: TimedResponse<unknown>): Sent {
	return { requestId, sentAt: response.sentAt, returnedAt: response.returnedAt };
}

/** Latency of one event over every change in `sentList`, each expected at `perChange` sockets. */
export function pathFigures(
	samples: Map<string, number[]>,
	target: string,
	event: MeasuredEvent,
	sentList: Sent[],
	perChange: number
): PathFigures {
	const fromReturn: number[] = [];
	const fromSend: number[] = [];
	for (const change of sentList) {
		for (const arrived of samples.get(sampleKey(target, event, change.requestId)) ?? []) {
			fromReturn.push(arrived - change.returnedAt);
			fromSend.push(arrived - change.sentAt);
		}
	}
	return {
		fromReturn: summarize(fromReturn),
		fromSend: summarize(fromSend),
		delivered: fromReturn.length,
		expected: sentList.length * perChange
	};
}
