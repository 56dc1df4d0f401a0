import { ERROR_STATUS, type ErrorCode } from '../api/types';
import type { MessageKey } from './messages/index';

/** What a failed call says about itself: its HTTP status (0 when no answer came) and the contract's code. */
export interface FailedCall {
	status: number;
	code: string;
}

/** The contract's codes, plus the client's own: no answer at all, or an answer outside the contract. */
export type ProblemCode = ErrorCode | 'network' | 'internal';

const PROBLEM_TEXT: Record<ProblemCode, MessageKey> = {
	network: 'common.networkError',
	unavailable: 'problem.unavailable',
	unauthenticated: 'problem.unauthenticated',
	forbidden: 'problem.forbidden',
	not_found: 'problem.notFound',
	conflict: 'problem.conflict',
	unprocessable: 'problem.unprocessable',
	rate_limited: 'problem.rateLimited',
	invalid_input: 'problem.invalidInput',
	internal: 'problem.internal'
};

const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function problemCode({ status, code }: FailedCall): ProblemCode {
	if (status === 0 || code === 'network') return 'network';
	if ((ERROR_CODES as string[]).includes(code)) return code as ErrorCode;
	// An answer without the contract's body (a proxy's page, say) is judged by its status.
	return ERROR_CODES.find((known) => ERROR_STATUS[known] === status) ?? 'internal';
}

/**
 * The sentence to show for a failed call, chosen by its code; the server's English message is
 * detail at most. `special` gives a code the meaning it has for one action (a 422 on assign).
 */
export function problemKey(failed: FailedCall, special: Partial<Record<ProblemCode, MessageKey>> = {}): MessageKey {
	const code = problemCode(failed);
	return special[code] ?? PROBLEM_TEXT[code];
}
