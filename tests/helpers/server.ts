import { fork, type ChildProcess } from 'node:child_process';

export interface RunningServer {
	url: string;
	port: number;
	process: ChildProcess;
	output(): string;
	/** SIGTERM and wait for exit. */
	stop(): Promise<void>;
	/** SIGKILL and wait for exit. */
	kill(): Promise<void>;
}

const START_TIMEOUT_MS = 110_000;

/** Starts the production server (src/server.js over the build) as a real child process. */
export async function startServer(env: Record<string, string>, port = 0): Promise<RunningServer> {
	let output = '';
	const child = fork('src/server.js', [], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: '1', ...env },
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	// A first PGlite start (initdb, migrations, demo seed) takes ~5 s on an idle machine but over a
	// minute on two busy shared cores; stay just under vitest's 120 s hookTimeout.
	const actualPort = await reportedPort(child, 'server', START_TIMEOUT_MS, () => output);
	const stopWith = async (signal: NodeJS.Signals) => {
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
		await exited;
	};
	return {
		url: `http://127.0.0.1:${actualPort}`,
		port: actualPort,
		process: child,
		output: () => output,
		stop: () => stopWith('SIGTERM'),
		kill: () => stopWith('SIGKILL')
	};
}

/**
 * The port a forked server reports over IPC once it listens (`{ready, port}`, as src/server.js
 * sends it). Rejects with the server's output if it exits first or takes longer than
 * `timeoutMs`; a server that is too slow is killed, so no half-started one slows what follows.
 */
export function reportedPort(child: ChildProcess, label: string, timeoutMs: number, output: () => string): Promise<number> {
	return new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${label} did not start in ${timeoutMs / 1000} s:\n${output()}`));
		}, timeoutMs);
		child.on('message', (message: { ready?: boolean; port?: number }) => {
			if (message.ready && message.port) {
				clearTimeout(timer);
				resolve(message.port);
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${label} exited with ${code}:\n${output()}`));
		});
	});
}
