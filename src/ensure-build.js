// `npm start` builds first when there is no build yet, or when a source file is newer
// than it, so a fresh clone needs only `npm install && npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const stamp = 'build/handler.js';

/** @param {string} dir @returns {number} */
function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		const time = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
		if (time > newest) newest = time;
	}
	return newest;
}

const sources = ['src', 'db', 'static'].filter(existsSync);
const sourceTime = Math.max(...sources.map(newestMtime), statSync('package.json').mtimeMs);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sourceTime) {
	console.log('Building the app (first start, or sources changed)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
