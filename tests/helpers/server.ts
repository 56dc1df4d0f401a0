// Two ways to run the production server for a test. In this process (`startServer`): the very
// server `npm start` runs (src/node-server.js over the build), on a free port, the way
// socket.io's own examples test; one per test file, since Kit starts its app once per process.
// As a child process (`forkServer`): only where the process itself is under test (a graceful
// stop, kill -9, a restart, several nodes).
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

export interface RunningServer {
	url: string;
	port: number;
	/** What the server logged (and, for a child process, printed) so far. */
	output(): string;
	/** A graceful stop: requests finish, sockets close, the pool ends. */
	stop(): Promise<void>;
}

export interface ForkedServer extends RunningServer {
	process: ChildProcess;
	/** SIGKILL and wait for exit. */
	kill(): Promise<void>;
}

/** What a test server runs with unless the test says otherwise. */
const TEST_ENV = { HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: '1' };

let inProcess: RunningServer | null = null;

/** Starts the production server in this process, on a free port, with `env` as its configuration. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
	if (inProcess) throw new Error('One in-process server per test file: Kit starts its app once per process. Use forkServer for another.');
	Object.assign(process.env, TEST_ENV, env);
	let output = '';
	const log = new PassThrough();
	log.on('data', (chunk) => (output += chunk));
	const { startNodeServer } = await import('../../src/node-server.js');
	const running = await startNodeServer({ port: 0, host: '127.0.0.1', logDestination: log });
	inProcess = {
		url: `http://127.0.0.1:${running.port}`,
		port: running.port,
		output: () => output,
		stop: async () => {
			await running.stop();
		}
	};
	return inProcess;
}

const START_TIMEOUT_MS = 110_000;

/** Starts the production server (src/server.js over the build) as a real child process. */
export async function forkServer(env: Record<string, string>, port = 0): Promise<ForkedServer> {
	let output = '';
	const child = fork('src/server.js', [], {
		env: { ...process.env, PORT: String(port), ...TEST_ENV, ...env },
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	// A first PGlite start (initdb, migrations) takes seconds on an idle machine but far longer on
	// two busy shared cores; stay just under vitest's 120 s hookTimeout.
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
 * A server on a database of its own holding the demo community, seeded the way `npm start`
 * seeds it (the app never seeds itself), for e2e specs that need another configuration than
 * the shared e2e server's. Without a database in `env`, an embedded one in a temporary folder.
 */
export async function forkDemoServer(env: Record<string, string>): Promise<ForkedServer> {
	const dataDir = env.DATABASE_URL || env.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'vd-e2e-'));
	const withDatabase = dataDir ? { DATA_DIR: dataDir, ...env } : env;
	// Not synchronous: the database may sit behind a proxy that runs in this very process.
	await promisify(execFile)('npx', ['tsx', 'db/cli/prepare.ts'], { env: { ...process.env, ...TEST_ENV, ...withDatabase } });
	const server = await forkServer(withDatabase);
	return {
		...server,
		stop: async () => {
			await server.stop();
			if (dataDir) rmSync(dataDir, { recursive: true, force: true });
		}
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
