import type { ErrorCode } from '../../api/types';
import { ERROR_STATUS } from '../../api/types';

export interface ErrorIssue {
	path: string;
	message: string;
}

/** An expected failure, said plainly. Services throw it; the edge turns it into the contract's JSON. */
export class ApiError extends Error {
	readonly status: number;
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly issues?: ErrorIssue[],
		/** Sent as Retry-After, e.g. with rate_limited. */
		readonly retryAfterSeconds?: number
	) {
		super(message);
		this.status = ERROR_STATUS[code];
	}
}

export const invalidInput = (message: string, issues?: ErrorIssue[]) => new ApiError('invalid_input', message, issues);
export const notFound = (what: string) => new ApiError('not_found', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => new ApiError('forbidden', message);
export const conflict = (message: string) => new ApiError('conflict', message);
export const unprocessable = (message: string) => new ApiError('unprocessable', message);

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03']);

/** True when the database could not be reached, as opposed to a query being wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as { code?: string }).code;
	if (code && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
	return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
		error.message
	);
}
