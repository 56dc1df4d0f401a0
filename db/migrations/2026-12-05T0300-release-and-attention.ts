import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code.
//
// Release: the assignee may give back a task they accepted or started, so the status guard lets
// accepted and in_progress go back to open (the app clears the assignee in the same update).
//
// Attention: what a dispatcher should look at is kept on the request itself, set in the same
// conditional update as the change that causes it, so the board's list reads it with the row
// and no event scan:
//   - requeued_by: 'decline' or 'release' while a request sits open after its assignee gave it
//     back; cleared by the next assign.
//   - assignee_off_duty: the assignee went off duty while holding it, or (on an open planned
//     visit) its planned visitor was off duty when it fell due; cleared when they go back on duty
//     or the task changes hands.
// Rows that exist already get both from what is true now: an open request whose last status
// change was a decline; a held request whose assignee is off duty.

const GUARD_WITH_RELEASE = sql`
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
`;

const GUARD_BEFORE = sql`
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
`;

export async function up(db: Kysely<any>): Promise<void> {
	await GUARD_WITH_RELEASE.execute(db);
	await sql`
	alter table requests add column requeued_by text
		constraint requests_requeued_by_check check (requeued_by in ('decline', 'release') and status = 'open' or requeued_by is null);
	alter table requests add column assignee_off_duty boolean not null default false;
	alter table requests disable trigger requests_guard;
	update requests r set requeued_by = 'decline'
		where r.status = 'open' and (
			select e.action from events e
			where e.request_id = r.id and e.from_status is distinct from e.to_status
			order by e.seq desc limit 1
		) = 'decline';
	update requests r set assignee_off_duty = true
		from volunteers v
		where v.id = r.assignee_id and not v.available and r.status in ('assigned', 'accepted', 'in_progress');
	alter table requests enable trigger requests_guard;
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
	alter table requests drop column requeued_by;
	alter table requests drop column assignee_off_duty;
	`.execute(db);
	// A released request is open again: nothing to undo. The old guard refuses future releases.
	await GUARD_BEFORE.execute(db);
}
