// `npm start` and every test tier that serves the build run this first. It builds when there is
// no build yet, or when the sources differ from those the build was made from: a hash of their
// contents, written beside the build, so a checkout, a rebase or an edit all count, whatever
// the files' times say.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the build is made from. Tests beside the code are not part of it. */
const SOURCES = ['src', 'db', 'static', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'];
const STAMP = 'build/source-hash.txt';

/** @param {string} root @returns {string} */
export function sourceHash(root = '.') {
	const hash = createHash('sha256');
	/** @param {string} path */
	const add = (path) => {
		if (!existsSync(path)) return;
		if (statSync(path).isDirectory()) {
			for (const name of readdirSync(path).sort()) add(join(path, name));
		} else if (!path.endsWith('.test.ts')) {
			hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
		}
	};
	for (const source of SOURCES) add(join(root, source));
	return hash.digest('hex');
}

/** The hash of the sources the current build was made from, or null when there is none. */
export function builtFrom(root = '.') {
	const stamp = join(root, STAMP);
	return existsSync(stamp) && existsSync(join(root, 'build/handler.js')) ? readFileSync(stamp, 'utf8').trim() : null;
}

/** Builds unless the build is of these very sources; returns whether it built. */
export function ensureBuild(root = '.') {
	const wanted = sourceHash(root);
	if (builtFrom(root) === wanted) return false;
	console.log('Building the app (first start, or sources changed)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`vite build failed with ${result.status}`);
	writeFileSync(join(root, STAMP), wanted);
	return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		ensureBuild();
	} catch (error) {
		console.error(/** @type {Error} */ (error).message);
		process.exit(1);
	}
}
