import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** Repositories take either the database or an open transaction as their first argument. */
export type Queryable = Kysely<Database> | Transaction<Database>;
