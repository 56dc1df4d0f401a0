import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy the test controls, between a server and something it depends on (PostgreSQL,
 * or a client's socket). `cut()` makes the far side unreachable: open connections are reset
 * and new ones are dropped as they arrive. `restore()` lets traffic through again.
 */
export class TcpProxy {
	readonly port: number;
	#server: Server;
	#pairs = new Set<[Socket, Socket]>();
	#cut = false;
	#frozen = false;
	connections = 0;

	private constructor(server: Server, port: number) {
		this.#server = server;
		this.port = port;
	}

	static async start(target: { host: string; port: number }): Promise<TcpProxy> {
		let proxy: TcpProxy | null = null;
		const server = createServer((client) => proxy!.#accept(client, target));
		const port = await new Promise<number>((resolve) =>
			server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port))
		);
		proxy = new TcpProxy(server, port);
		return proxy;
	}

	#accept(client: Socket, target: { host: string; port: number }) {
		if (this.#cut) return void client.destroy();
		this.connections += 1;
		const upstream = connect(target.port, target.host);
		const pair: [Socket, Socket] = [client, upstream];
		this.#pairs.add(pair);
		const forward = (from: Socket, to: Socket) =>
			from.on('data', (chunk) => {
				// Frozen: bytes are swallowed, as by a network that stopped delivering.
				if (!this.#frozen) to.write(chunk);
			});
		forward(client, upstream);
		forward(upstream, client);
		const end = () => {
			this.#pairs.delete(pair);
			client.destroy();
			upstream.destroy();
		};
		client.on('error', end).on('close', end);
		upstream.on('error', end).on('close', end);
	}

	/** Resets every open connection and drops new ones. */
	cut(): void {
		this.#cut = true;
		for (const [client, upstream] of this.#pairs) {
			client.resetAndDestroy();
			upstream.destroy();
		}
		this.#pairs.clear();
	}

	restore(): void {
		this.#cut = false;
		this.#frozen = false;
	}

	/** Keeps connections open but delivers nothing more in either direction. */
	freeze(): void {
		this.#frozen = true;
	}

	async close(): Promise<void> {
		this.cut();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}
}

/** A PostgreSQL URL rewritten to go through a proxy on 127.0.0.1. */
export function throughProxy(url: string, proxy: TcpProxy): string {
	const parsed = new URL(url);
	parsed.hostname = '127.0.0.1';
	parsed.port = String(proxy.port);
	return parsed.toString();
}

export function targetOf(url: string): { host: string; port: number } {
	const parsed = new URL(url);
	return { host: parsed.hostname, port: Number(parsed.port || 5432) };
}
