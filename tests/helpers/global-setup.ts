import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Integration tests drive the production build; build it once when it is missing. */
export default function setup() {
	if (!existsSync('build/handler.js')) {
		execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
}
