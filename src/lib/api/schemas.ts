// Input schemas, one per call, shared by the HTTP endpoints and the socket handlers.
import { z } from 'zod';
import { ACTIVE_STATUSES, CODE_PATTERN, URGENCIES } from '../dispatch/vocabulary';
import { FIELD_LIMITS } from '../dispatch/field-limits';
import { HANDBACK_REASONS } from '../dispatch/reasons';

const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const optionalText = (max: number) =>
	trimmed(max)
		.optional()
		.nullable()
		.transform((v) => (v ? v : null));

// PostgreSQL text cannot hold U+0000; the login form does not go through readJson's check.
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what is refused
const noNul = /^[^\u0000]*$/;

export const credentialsSchema = z.object({
	username: z.string().trim().min(1, 'Enter your username.').max(64).regex(noNul, 'Not a valid username.'),
	password: z.string().min(1, 'Enter your password.').max(256).regex(noNul, 'Not a valid password.')
});

export const requestIdSchema = z.uuid('Not a valid request id.');
export const communityIdSchema = z.uuid('Not a valid community id.');
export const buildingIdSchema = z.uuid('Not a valid building id.');

export const newRequestSchema = z.object({
	type: z.string().regex(CODE_PATTERN, 'Choose a service of the catalogue.'),
	buildingId: z.uuid('Choose a building.'),
	description: trimmed(FIELD_LIMITS.description).min(1, 'Describe what is needed.'),
	urgency: z.enum(URGENCIES).default('normal'),
	unit: trimmed(FIELD_LIMITS.unit).optional().default(''),
	contactName: optionalText(FIELD_LIMITS.contactName),
	contactPhone: trimmed(FIELD_LIMITS.contactPhone)
		.regex(/^[0-9+\-() ]*$/, 'Use digits, spaces, +, - or brackets.')
		.optional()
		.nullable()
		.transform((v) => (v ? v : null)),
	/** Auto-offer from the start; absent: the service's default. */
	autoOffer: z.boolean('autoOffer is true or false.').optional()
});

/** Turns auto-offer on or off; `version` as the dispatcher saw it, when given, guards a change crossed meanwhile. */
export const autoOfferSchema = z.strictObject({
	on: z.boolean('Say on: true or on: false.'),
	version: z.number().int().min(1).max(2_147_483_647).optional()
});

export const assignSchema = z.object({
	volunteerId: z.uuid('Choose a volunteer.'),
	version: z.number().int().min(1).max(2_147_483_647)
});

export const cancelSchema = z.object({
	reason: trimmed(FIELD_LIMITS.cancelReason).min(1, 'Say why it is cancelled.'),
	/** The version the dispatcher saw: if the request changed since (say, it was accepted), 409. */
	version: z.number().int().min(1).max(2_147_483_647).optional()
});

export const noteSchema = z.object({ note: optionalText(FIELD_LIMITS.note) });

/** Completing takes the resident's 4-digit confirmation code, when they gave one. */
export const completeSchema = noteSchema.extend({
	code: z
		.string()
		.regex(/^[0-9]{4}$/, 'The confirmation code is 4 digits.')
		.optional()
		.nullable()
		.transform((v) => v ?? null)
});

const reasonCode = z.enum(HANDBACK_REASONS, `The reason is one of ${HANDBACK_REASONS.join(', ')}.`);

/** A decline: the old body ({note?}) still holds; `reason` adds why, as a code. */
export const declineSchema = noteSchema.extend({
	reason: reasonCode
		.optional()
		.nullable()
		.transform((v) => v ?? null)
});

/** A release always says why, as a code; the note is what the volunteer adds in words. */
export const releaseSchema = noteSchema.extend({ reason: reasonCode });

/** The board's list: active requests only; finished ones are read through history. */
export const activeStatusListSchema = z
	.array(z.enum(ACTIVE_STATUSES, 'Only open, assigned, accepted and in_progress are listed here; finished requests are in /api/history.'))
	.max(ACTIVE_STATUSES.length);

export const lookupQuerySchema = z
	.object({
		q: trimmed(100).min(1, 'Type a building, unit, phone or words to look for.').regex(noNul, 'Not valid text.'),
		communityId: z.uuid('Not a valid community id.').optional()
	})
	.strict();

export const eventsQuerySchema = z.object({
	after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
	/** Without it, every event after `after` (streamed); with it, a page of at most this many. */
	limit: z.coerce.number().int().min(1).max(5000).optional()
});

export const availabilitySchema = z.object({
	available: z.boolean(),
	lat: z.number().min(-90).max(90).optional(),
	lng: z.number().min(-180).max(180).optional()
});
