import { pino, type Logger } from 'pino';

// Personal data (phones, names, passwords, cookies) never reaches the log: the fields that
// could carry it are redacted wherever they appear.
export function createLogger(level: string): Logger {
	return pino({
		level,
		redact: {
			paths: [
				'password',
				'*.password',
				'req.headers.cookie',
				'headers.cookie',
				'*.contactPhone',
				'*.contactName',
				'*.phone',
				'cookie'
			],
			censor: '[redacted]'
		}
	});
}

export type { Logger };
