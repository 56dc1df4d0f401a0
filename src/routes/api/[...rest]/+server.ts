import type { RequestHandler } from './$types';
import { errorResponse } from '$lib/server/http/respond';
import { notFound } from '$lib/server/http/api-error';

/** Any other /api path answers in the contract's JSON shape, not with the HTML error page. */
export const fallback: RequestHandler = () => errorResponse(notFound('This API path'));
