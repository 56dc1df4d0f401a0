// Races: many writers at once, each race with exactly one winner; losers get 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { signIn, apiClient } from '../helpers/clients';
import { act, assign, onDuty, openRequest, signedIn, someBuilding, type Call, type SignedIn } from '../helpers/api-factories';
import type { RequestView, TimelineEntry } from '../../src/lib/api/types';
import type { RequestType } from '../../src/lib/dispatch/vocabulary';

const ASSIGNERS = 50;
const REQUESTS = 200;
const ATTEMPTS_PER_ASSIGNER = 40;
const PAIR_ROUNDS = 25;

const shuffled = <T>(items: T[]) => [...items].sort(() => Math.random() - 0.5);
const pick = <T>(items: T[]): T => {
	if (items.length === 0) throw new Error('nothing to pick from');
	return items[Math.floor(Math.random() * items.length)]!;
};

describe(`races on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let dispatcher: SignedIn;
	let volunteers: SignedIn[];
	let buildingId: string;
	const bySkill = new Map<RequestType, SignedIn[]>();

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await startServer({ ...database.env, DB_POOL_SIZE: '20' });
		dispatcher = await signedIn(server.url, 'dispatcher');
		buildingId = (await someBuilding(dispatcher.call)).id;
		volunteers = await Promise.all(
			['vol01', 'vol02', 'vol03', 'vol04', 'vol05', 'vol06', 'vol07', 'vol08'].map((n) => signedIn(server.url, n))
		);
		for (const volunteer of volunteers) {
			const skill = await onDuty(volunteer);
			bySkill.set(skill, [...(bySkill.get(skill) ?? []), volunteer]);
		}
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it(`lets ${ASSIGNERS} concurrent assigners over ${REQUESTS} requests assign each request exactly once`, async () => {
		const types = [...bySkill.keys()];
		const requests: RequestView[] = [];
		for (let i = 0; i < REQUESTS; i++)
			requests.push(await openRequest(dispatcher.call, buildingId, { type: types[i % types.length], description: `抢单 ${i}` }));
		// Ten sessions of three staff users; five assigners share each session, as tabs would.
		const sessions = await Promise.all(
			Array.from({ length: 10 }, (_, i) => signIn(server.url, ['dispatcher', 'dispatcher2', 'coordinator'][i % 3]!))
		);
		const wins = new Map<string, { volunteerId: string; count: number }>();
		const statuses = new Map<number, number>();
		const assigner = async (index: number) => {
			const call = apiClient(server.url, sessions[index % sessions.length]!);
			for (const request of shuffled(requests).slice(0, ATTEMPTS_PER_ASSIGNER)) {
				const volunteerId = pick(bySkill.get(request.type)!).user.volunteerId!;
				const answer = await call<RequestView>('POST', `/api/requests/${request.id}/assign`, { volunteerId, version: request.version });
				statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
				if (answer.status === 200) {
					const win = wins.get(request.id);
					wins.set(request.id, { volunteerId, count: (win?.count ?? 0) + 1 });
				}
			}
		};
		await Promise.all(Array.from({ length: ASSIGNERS }, (_, i) => assigner(i)));

		const attempts = ASSIGNERS * ATTEMPTS_PER_ASSIGNER;
		expect([...statuses.keys()].sort()).toEqual(statuses.size === 1 ? [200] : [200, 409]);
		expect([...wins.values()].filter((w) => w.count > 1)).toEqual([]);
		expect(statuses.get(200)).toBe(wins.size);
		for (const request of requests) {
			const { body } = await dispatcher.call<{ request: RequestView; events: TimelineEntry[] }>('GET', `/api/requests/${request.id}`);
			const win = wins.get(request.id);
			const assigns = body.events.filter((e) => e.action === 'assign').length;
			if (!win) {
				expect({ status: body.request.status, assigns }).toEqual({ status: 'open', assigns: 0 });
				continue;
			}
			expect({ status: body.request.status, version: body.request.version, assigneeId: body.request.assigneeId, assigns }).toEqual({
				status: 'assigned',
				version: 2,
				assigneeId: win.volunteerId,
				assigns: 1
			});
		}
		console.log(
			`[races ${engine}] ${attempts} assign attempts by ${ASSIGNERS} assigners over ${REQUESTS} requests: ` +
				`${statuses.get(200)} won, ${statuses.get(409) ?? 0} answered 409, 0 double assignments`
		);
	}, 300_000);

	/** Runs two calls at once, many times; exactly one must win each time, the other 409. */
	async function raceRounds(
		name: string,
		setup: () => Promise<{ request: RequestView; volunteer: SignedIn }>,
		sides: Record<string, (request: RequestView, volunteer: SignedIn) => Promise<{ status: number }>>,
		finalStatus: Record<string, string>
	) {
		const outcomes: Record<string, number> = {};
		for (let round = 0; round < PAIR_ROUNDS; round++) {
			const { request, volunteer } = await setup();
			const names = shuffled(Object.keys(sides));
			const answers = await Promise.all(names.map((side) => sides[side]!(request, volunteer)));
			const winners = names.filter((_, i) => answers[i]!.status === 200);
			expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
			const winner = winners[0]!; // exactly one, as just checked
			const { body } = await dispatcher.call<{ request: RequestView }>('GET', `/api/requests/${request.id}`);
			expect(body.request.status).toBe(finalStatus[winner]);
			expect(body.request.version).toBe(request.version + 1);
			outcomes[winner] = (outcomes[winner] ?? 0) + 1;
		}
		console.log(`[races ${engine}] ${name}: ${PAIR_ROUNDS} rounds, one winner each (${JSON.stringify(outcomes)})`);
	}

	async function assignedRequest(): Promise<{ request: RequestView; volunteer: SignedIn }> {
		const [type, people] = [...bySkill.entries()][0]!;
		const volunteer = people[0]!; // each skill came with the volunteer who has it
		const request = await assign(dispatcher.call, await openRequest(dispatcher.call, buildingId, { type }), volunteer.user.volunteerId!);
		return { request, volunteer };
	}

	const cancelAt = (call: Call) => (request: RequestView) =>
		call('POST', `/api/requests/${request.id}/cancel`, { reason: '竞争测试', version: request.version });

	it('cancel against accept: exactly one wins, the other gets 409', async () => {
		await raceRounds(
			'cancel vs accept',
			assignedRequest,
			{
				cancel: cancelAt(dispatcher.call),
				accept: (request, volunteer) => volunteer.call('POST', `/api/requests/${request.id}/accept`, {})
			},
			{ cancel: 'cancelled', accept: 'accepted' }
		);
	}, 120_000);

	it('complete against cancel: exactly one wins, the other gets 409', async () => {
		await raceRounds(
			'complete vs cancel',
			async () => {
				const { request, volunteer } = await assignedRequest();
				await act(volunteer.call, request, 'accept');
				return { request: await act(volunteer.call, request, 'start'), volunteer };
			},
			{
				cancel: cancelAt(dispatcher.call),
				complete: (request, volunteer) => volunteer.call('POST', `/api/requests/${request.id}/complete`, {})
			},
			{ cancel: 'cancelled', complete: 'completed' }
		);
	}, 120_000);

	it('release against cancel: exactly one wins, the other gets 409', async () => {
		await raceRounds(
			'release vs cancel',
			async () => {
				const { request, volunteer } = await assignedRequest();
				return { request: await act(volunteer.call, request, 'accept'), volunteer };
			},
			{
				cancel: cancelAt(dispatcher.call),
				release: (request, volunteer) => volunteer.call('POST', `/api/requests/${request.id}/release`, { reason: 'cannot_come' })
			},
			{ cancel: 'cancelled', release: 'open' }
		);
	}, 120_000);

	it('decline against reassign: exactly one wins, the other gets 409', async () => {
		const [type, sameSkill] = [...bySkill.entries()].find(([, people]) => people.length > 1)!;
		const [first, second] = [sameSkill[0]!, sameSkill[1]!];
		await raceRounds(
			'decline vs reassign',
			async () => ({
				request: await assign(dispatcher.call, await openRequest(dispatcher.call, buildingId, { type }), first.user.volunteerId!),
				volunteer: first
			}),
			{
				decline: (request, volunteer) => volunteer.call('POST', `/api/requests/${request.id}/decline`, { note: '临时有事' }),
				reassign: (request) =>
					dispatcher.call('POST', `/api/requests/${request.id}/reassign`, {
						volunteerId: second.user.volunteerId!,
						version: request.version
					})
			},
			{ decline: 'open', reassign: 'assigned' }
		);
	}, 120_000);

	it('a decline that arrives just after the reassignment is a 409 for whoever held the task, a 403 for anyone else', async () => {
		const [type, sameSkill] = [...bySkill.entries()].find(([, people]) => people.length > 1)!;
		const [first, second] = [sameSkill[0]!, sameSkill[1]!];
		const stranger = volunteers.find((v) => v !== first && v !== second)!;
		const request = await assign(dispatcher.call, await openRequest(dispatcher.call, buildingId, { type }), first.user.volunteerId!);
		const moved = await dispatcher.call('POST', `/api/requests/${request.id}/reassign`, {
			volunteerId: second.user.volunteerId!,
			version: request.version
		});
		expect(moved.status).toBe(200);
		expect((await first.call('POST', `/api/requests/${request.id}/decline`, { note: '临时有事' })).status).toBe(409);
		expect((await stranger.call('POST', `/api/requests/${request.id}/decline`, {})).status).toBe(403);
	});
});
