import type { Writable } from 'node:stream';
import { pino, stdSerializers, type Logger } from 'pino';

// Database errors may quote the row or the values they refused (`detail`, `where`, the
// query's parameters), which can hold a resident's phone number: those fields are dropped.
const QUOTING_FIELDS = ['detail', 'where', 'parameters', 'parameterValues', 'internalQuery', 'hint'];

function serializeError(error: unknown) {
	const serialized = stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
	for (const field of QUOTING_FIELDS) delete serialized[field];
	return serialized;
}

// Personal data (phones, names, passwords, cookies, tokens) never reaches the log: the fields
// that could carry it are redacted wherever they appear.
export function createLogger(level: string, destination?: Writable): Logger {
	const options = {
		level,
		serializers: { err: serializeError },
		redact: {
			paths: [
				'password',
				'*.password',
				'*.currentPassword',
				'*.newPassword',
				'token',
				'*.token',
				'req.headers.cookie',
				'req.headers.authorization',
				'headers.cookie',
				'*.contactPhone',
				'*.contactName',
				'*.contact_phone',
				'*.contact_name',
				'*.phone',
				'cookie'
			],
			censor: '[redacted]'
		}
	};
	return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
