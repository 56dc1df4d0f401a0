import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { reportedPort } from '../helpers/server';

export interface ServerProcess {
	url: string;
	port: number;
	pid: number;
	/** Resident set size of the process, in bytes. */
	rss(): number;
	output(): string;
	stop(): Promise<void>;
}

/** VmRSS from /proc: what the kernel holds in RAM for this process right now. */
export function readRss(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
	if (!kb) throw new Error(`no VmRSS for ${pid}`);
	return Number(kb[1]) * 1024;
}

/**
 * Forks a server that reports `{ready, port}` over IPC once it listens, as src/server.js does.
 * execArgv is explicit: the bench itself runs under tsx, and the servers must not inherit it.
 */
async function forkServer(script: string, env: Record<string, string>, execArgv: string[]): Promise<ServerProcess> {
	let output = '';
	const child: ChildProcess = fork(script, [], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
		execArgv,
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	// Keep only the tail: a server that logs warnings for minutes must not grow the driver.
	const keep = (chunk: Buffer) => (output = (output + chunk).slice(-20_000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const port = await reportedPort(child, script, 90_000, () => output);
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		pid: child.pid!,
		rss: () => readRss(child.pid!),
		output: () => output,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** The production server (src/server.js over the build), on its own port. */
export function startAppServer(databaseEnv: Record<string, string>, options: { profileDir?: string } = {}): Promise<ServerProcess> {
	const execArgv = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
	return forkServer('src/server.js', { ...databaseEnv, DEMO: '0', LOG_LEVEL: 'warn' }, execArgv);
}

/** The floor: a bare socket.io server that broadcasts whatever it is told to. */
export function startBaselineServer(): Promise<ServerProcess> {
	return forkServer('tests/bench/baseline-server.mjs', {}, []);
}
