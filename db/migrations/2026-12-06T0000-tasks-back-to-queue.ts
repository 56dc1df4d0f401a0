import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code.
//
// A task a volunteer accepted or started may go back to the queue (open, assignee cleared):
// when a coordinator deactivates a volunteer who still holds it, and for the contract's
// `release` (accepted, in_progress → open). The guard of the first migration allowed only an
// unanswered offer back (assigned → open); this is the same guard with those two steps added.
// Everything else it refuses stays refused, and the version must still grow.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	create or replace function requests_guard() returns trigger language plpgsql as $$
	begin
		if new.version <= old.version then
			raise exception 'request version must grow (% -> %)', old.version, new.version
				using errcode = 'check_violation';
		end if;
		if new.status <> old.status and not (
			(old.status = 'open' and new.status in ('assigned', 'cancelled'))
			or (old.status = 'assigned' and new.status in ('accepted', 'open', 'cancelled'))
			or (old.status = 'accepted' and new.status in ('in_progress', 'open', 'cancelled'))
			or (old.status = 'in_progress' and new.status in ('completed', 'open', 'cancelled'))
		) then
			raise exception 'request status cannot go from % to %', old.status, new.status
				using errcode = 'check_violation';
		end if;
		return new;
	end $$;
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
	create or replace function requests_guard() returns trigger language plpgsql as $$
	begin
		if new.version <= old.version then
			raise exception 'request version must grow (% -> %)', old.version, new.version
				using errcode = 'check_violation';
		end if;
		if new.status <> old.status and not (
			(old.status = 'open' and new.status in ('assigned', 'cancelled'))
			or (old.status = 'assigned' and new.status in ('accepted', 'open', 'cancelled'))
			or (old.status = 'accepted' and new.status in ('in_progress', 'cancelled'))
			or (old.status = 'in_progress' and new.status in ('completed', 'cancelled'))
		) then
			raise exception 'request status cannot go from % to %', old.status, new.status
				using errcode = 'check_violation';
		end if;
		return new;
	end $$;
	`.execute(db);
}
