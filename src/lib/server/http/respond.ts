import { json, type RequestEvent } from '@sveltejs/kit';
import { z, type ZodType } from 'zod';
import type { ApiErrorBody } from '../../api/types';
import { ApiError, invalidInput, isDatabaseUnavailable } from './api-error';
import { bodyProblem } from './body-check';

export function errorResponse(error: ApiError): Response {
	const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
	if (error.issues?.length) body.error.issues = error.issues;
	const headers: Record<string, string> = error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
	return json(body, { status: error.status, headers });
}

/** Turns zod's issues into the contract's `issues` list. */
export function fromZodError(error: z.ZodError, message = 'Some fields are not valid.', rootPath = '(body)'): ApiError {
	return invalidInput(
		message,
		error.issues.map((issue) => ({ path: issue.path.join('.') || rootPath, message: issue.message }))
	);
}

/** Validates any input; `rootPath` names it in issues when it is a single value (e.g. `id`). */
export function parseWith<T>(schema: ZodType<T>, value: unknown, message?: string, rootPath?: string): T {
	const result = schema.safeParse(value);
	if (!result.success) throw fromZodError(result.error, message, rootPath);
	return result.data;
}

const MAX_BODY_BYTES = 32 * 1024;

const tooLarge = () => invalidInput(`The body is larger than ${MAX_BODY_BYTES / 1024} kB.`);

/**
 * Reads at most `MAX_BODY_BYTES`. A declared length over it is refused before a byte is read;
 * a chunked body is refused as soon as it passes it, without reading the rest.
 */
async function readLimitedText(request: Request): Promise<string> {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (failure) {
			// adapter-node's BODY_SIZE_LIMIT, a body longer than it said, or a client that left.
			if ((failure as { status?: number }).status === 413) throw tooLarge();
			throw invalidInput('The body could not be read.');
		}
		if (chunk.done) break;
		size += chunk.value.byteLength;
		if (size > MAX_BODY_BYTES) throw tooLarge();
		chunks.push(chunk.value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Reads and validates a JSON body. Oversized or malformed bodies are refused before parsing. */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
	const text = await readLimitedText(request);
	let value: unknown;
	try {
		value = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		throw invalidInput('The body is not valid JSON.');
	}
	const problem = bodyProblem(value);
	if (problem) throw invalidInput(problem);
	return parseWith(schema, value);
}

type Handler = (event: RequestEvent) => Promise<Response>;

/**
 * Wraps every API handler: expected errors become the contract's JSON, a lost database
 * becomes 503, and anything else is logged and answered without a stack trace.
 */
export function endpoint(handler: Handler): Handler {
	return async (event) => {
		try {
			return await handler(event);
		} catch (error) {
			if (error instanceof ApiError) return errorResponse(error);
			if (isDatabaseUnavailable(error)) {
				return errorResponse(new ApiError('unavailable', 'The database cannot be reached right now. Please try again shortly.'));
			}
			event.locals.app.log.error({ err: error, route: event.route.id, requestId: event.locals.requestId }, 'unexpected error');
			return json({ error: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' } }, { status: 500 });
		}
	};
}
