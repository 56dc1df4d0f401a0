import { fork, type ChildProcess } from 'node:child_process';
import type { ClientCommand, ClientReply, SocketPlan } from './load-protocol';

type Command = ClientCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

/** The driver's handle on its load-client processes; sockets are dealt out round-robin. */
export class LoadFleet {
	#children: ChildProcess[];
	#pending = new Map<number, (reply: ClientReply) => void>();
	#nextId = 1;

	constructor(size: number) {
		this.#children = Array.from({ length: size }, () => {
			const child = fork('tests/bench/load-client.ts', [], {
				execArgv: ['--import', 'tsx'],
				serialization: 'advanced',
				stdio: ['ignore', 'inherit', 'inherit', 'ipc']
			});
			child.on('message', (reply: ClientReply) => {
				this.#pending.get(reply.id)?.(reply);
				this.#pending.delete(reply.id);
			});
			return child;
		});
	}

	get size(): number {
		return this.#children.length;
	}

	#ask(child: ChildProcess, command: Command): Promise<ClientReply> {
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, (reply) => (reply.op === 'error' ? reject(new Error(`load client: ${reply.message}`)) : resolve(reply)));
			child.send({ ...command, id });
		});
	}

	/** Connects every planned socket, spread evenly; resolves with the totals. */
	async connect(target: string, url: string, plans: SocketPlan[], concurrencyPerClient = 50) {
		const share = (i: number) => plans.filter((_, k) => k % this.#children.length === i);
		const replies = await Promise.all(
			this.#children.map((child, i) =>
				this.#ask(child, { op: 'connect', target, url, sockets: share(i), concurrency: concurrencyPerClient })
			)
		);
		const totals = { connected: 0, failed: 0, firstError: null as string | null, clientRssBytes: 0 };
		for (const reply of replies) {
			if (reply.op !== 'connect') continue;
			totals.connected += reply.connected;
			totals.failed += reply.failed;
			totals.firstError ??= reply.firstError;
			totals.clientRssBytes += reply.rssBytes;
		}
		return totals;
	}

	async disconnect(target: string): Promise<void> {
		await Promise.all(this.#children.map((child) => this.#ask(child, { op: 'disconnect', target })));
	}

	/** Every arrival noted since the last collect, merged across processes. */
	async collect(): Promise<Map<string, number[]>> {
		const merged = new Map<string, number[]>();
		for (const reply of await Promise.all(this.#children.map((child) => this.#ask(child, { op: 'collect' })))) {
			if (reply.op !== 'collect') continue;
			for (const [key, times] of reply.samples) {
				const list = merged.get(key);
				if (list) list.push(...times);
				else merged.set(key, times);
			}
		}
		return merged;
	}

	close(): void {
		for (const child of this.#children) if (child.connected) child.disconnect();
	}
}
