import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One free port for the whole run: workers inherit this variable from the runner.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
	'-e',
	"const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
])
	.toString()
	.trim();
const port = Number(process.env.E2E_PORT);
// A fresh embedded database for the run, seeded by the demo preparation as `npm start` seeds it.
process.env.E2E_DATA_DIR ??= join(mkdtempSync(join(tmpdir(), 'vd-e2e-run-')), 'pgdata');

// Debian's chromium where it exists (browsers cannot be downloaded here); Playwright's own elsewhere.
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	timeout: 60_000,
	expect: { timeout: 5_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'zh-CN',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: existsSync(systemChromium) ? systemChromium : undefined,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	webServer: {
		// The production build (rebuilt first if any source changed) on a fresh embedded database
		// with the demo community, started the way `npm start` starts it.
		command: 'node src/ensure-build.js && npx tsx db/cli/prepare.ts && node src/server.js',
		url: `http://localhost:${port}/readyz`,
		timeout: 240_000,
		reuseExistingServer: false,
		// LOG_LEVEL=warn keeps it quiet: what does reach the output is a warning or an error worth reading.
		stdout: 'pipe',
		stderr: 'pipe',
		env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: process.env.E2E_DATA_DIR, DEMO: '1', LOG_LEVEL: 'warn' }
	}
});
