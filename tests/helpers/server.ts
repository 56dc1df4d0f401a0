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

	const actualPort = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => {
			// Never leave a half-started server behind: it would run on after the test run.
			child.kill('SIGKILL');
			reject(new Error(`server did not start in 60 s:\n${output}`));
		}, 60_000);
		child.on('message', (message: { ready?: boolean; port?: number }) => {
			if (message.ready && message.port) {
				clearTimeout(timer);
				resolve(message.port);
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${output}`));
		});
	});
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
