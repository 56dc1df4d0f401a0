// Inputs of the dispatcher board's backend: the candidate list and reassignment.
import { z } from 'zod';

export const candidatesQuerySchema = z.object({
	limit: z.coerce
		.number('Give `limit` as a whole number from 1 to 50.')
		.int('Give `limit` as a whole number from 1 to 50.')
		.min(1, 'Give `limit` as a whole number from 1 to 50.')
		.max(50, 'Give `limit` as a whole number from 1 to 50.')
		.optional(),
	/** Part of a name; blank is no filter. */
	q: z
		.string()
		.trim()
		.max(50, 'Give at most 50 characters to search names by.')
		.transform((q) => q || undefined)
		.optional()
});

export const reassignSchema = z.object({
	volunteerId: z.uuid('Choose a volunteer.'),
	version: z.number().int().min(1)
});
