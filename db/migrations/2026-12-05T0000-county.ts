import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code.
//
// One deployment serves a county: areas form a tree (county → streets and towns → communities),
// and every building, volunteer, elder, visit plan, request and team belongs to one community.
// Users work in an area: their scope. A database that already holds a community (made before
// areas existed) gets one tree, 本县 → 本街道 → 本社区, that its rows move into; coordinators
// become county coordinators, everyone else works in that community. Coordinators may rename it.
//
// The database keeps a record's community consistent with its building's (composite foreign
// keys), so no write can put a request in one community at a building of another.
//
// The service catalogue replaces the three hard-coded request types: a request's type is the
// code of a service, and a volunteer's skills are the catalogue's skills (checked by the app,
// since an array's elements cannot reference a table). Codes are never deleted, only made
// inactive. Teams (服务队) have a leader, members, skills and the communities they serve.

const DEFAULT_TREE = { county: '本县', street: '本街道', community: '本社区' };

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	create table areas (
		id uuid primary key default gen_random_uuid(),
		name text not null check (length(name) between 1 and 60),
		kind text not null check (kind in ('county', 'street', 'community')),
		parent_id uuid references areas(id),
		constraint areas_only_county_is_root check ((kind = 'county') = (parent_id is null))
	);
	create unique index areas_name_under_parent on areas (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);
	`.execute(db);

	// The tree for rows that exist already, only if there are any.
	await sql`
	insert into areas (id, name, kind, parent_id)
	select ids.county, ${DEFAULT_TREE.county}, 'county', null from (select gen_random_uuid() as county) ids
	where exists (select 1 from users) or exists (select 1 from buildings)
	`.execute(db);
	await sql`
	insert into areas (name, kind, parent_id)
	select ${DEFAULT_TREE.street}, 'street', id from areas where kind = 'county'
	`.execute(db);
	await sql`
	insert into areas (name, kind, parent_id)
	select ${DEFAULT_TREE.community}, 'community', id from areas where kind = 'street'
	`.execute(db);

	await sql`
	alter table events disable trigger events_append_only;
	alter table requests disable trigger requests_guard;

	alter table buildings add column community_id uuid references areas(id);
	alter table volunteers add column community_id uuid references areas(id);
	alter table elders add column community_id uuid references areas(id);
	alter table visit_plans add column community_id uuid references areas(id);
	alter table requests add column community_id uuid references areas(id);
	alter table events add column community_id uuid references areas(id);
	alter table users add column scope_area_id uuid references areas(id);

	update buildings set community_id = (select id from areas where kind = 'community');
	update volunteers set community_id = (select id from areas where kind = 'community');
	update elders set community_id = (select id from areas where kind = 'community');
	update visit_plans set community_id = (select id from areas where kind = 'community');
	update requests set community_id = (select id from areas where kind = 'community');
	update events set community_id = (select id from areas where kind = 'community');
	update users set scope_area_id = (select id from areas where kind = case when users.role = 'coordinator' then 'county' else 'community' end);

	alter table buildings alter column community_id set not null;
	alter table volunteers alter column community_id set not null;
	alter table elders alter column community_id set not null;
	alter table visit_plans alter column community_id set not null;
	alter table requests alter column community_id set not null;
	alter table users alter column scope_area_id set not null;

	-- Building names are unique within a community, not across the county (each has its 1栋).
	alter table buildings drop constraint buildings_name_key;
	create unique index buildings_community_name_key on buildings (community_id, name);

	-- A record's community is its building's (or its elder's), enforced here.
	alter table buildings add constraint buildings_id_community_key unique (id, community_id);
	alter table elders add constraint elders_id_community_key unique (id, community_id);
	alter table requests add constraint requests_building_in_community
		foreign key (building_id, community_id) references buildings (id, community_id);
	alter table elders add constraint elders_building_in_community
		foreign key (building_id, community_id) references buildings (id, community_id);
	alter table volunteers add constraint volunteers_home_in_community
		foreign key (home_building_id, community_id) references buildings (id, community_id);
	alter table visit_plans add constraint visit_plans_elder_in_community
		foreign key (elder_id, community_id) references elders (id, community_id);

	create index requests_community_active_idx on requests (community_id, status)
		where status in ('open', 'assigned', 'accepted', 'in_progress');
	create index volunteers_community_idx on volunteers (community_id);
	create index buildings_community_idx on buildings (community_id);
	create index events_community_idx on events (community_id, seq);

	-- Streets and water belong to the community they are drawn for.
	alter table map_features add column community_id uuid references areas(id);
	update map_features set community_id = (select id from areas where kind = 'community');

	alter table requests enable trigger requests_guard;
	alter table events enable trigger events_append_only;
	`.execute(db);

	await sql`
	create table services (
		code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
		name_zh text not null check (length(name_zh) between 1 and 40),
		name_en text not null check (length(name_en) between 1 and 60),
		skill text not null check (skill ~ '^[a-z][a-z0-9_]{1,39}$'),
		fee text not null check (fee in ('free', 'low_cost')),
		price_yuan numeric(8, 2) check (price_yuan >= 0),
		assign_within_min integer not null check (assign_within_min between 1 and 100000),
		complete_within_min integer not null check (complete_within_min between 1 and 100000),
		urgent_assign_within_min integer not null check (urgent_assign_within_min between 1 and 100000),
		urgent_complete_within_min integer not null check (urgent_complete_within_min between 1 and 100000),
		active boolean not null default true,
		sort_order integer not null default 0,
		constraint services_free_has_no_price check (fee = 'low_cost' or price_yuan is null)
	);
	insert into services (code, name_zh, name_en, skill, fee, price_yuan, assign_within_min, complete_within_min,
		urgent_assign_within_min, urgent_complete_within_min, sort_order) values
		('haircut', '上门理发', 'Haircut', 'haircut', 'free', null, 240, 4320, 60, 1440, 10),
		('repair', '水电维修', 'Repair', 'repair', 'low_cost', 10, 60, 1440, 20, 240, 20),
		('elder_visit', '探访老人', 'Elder visit', 'elder_visit', 'free', null, 240, 2880, 60, 480, 30),
		('home_help', '家政服务', 'Home help', 'home_help', 'low_cost', 20, 240, 2880, 120, 720, 40),
		('meal_help', '助餐送餐', 'Meal help', 'meal_help', 'low_cost', 8, 60, 240, 30, 120, 50),
		('child_minding', '托幼看护', 'Child minding', 'child_minding', 'low_cost', 15, 120, 720, 60, 240, 60),
		('companionship', '老人陪伴', 'Companionship for elders', 'companionship', 'free', null, 240, 2880, 120, 720, 70),
		('nail_care', '老人修甲', 'Nail trimming for elders', 'nail_care', 'free', null, 240, 4320, 120, 1440, 80),
		('appliance_repair', '小家电维修', 'Small appliance repair', 'appliance_repair', 'low_cost', 5, 240, 2880, 60, 720, 90),
		('mediation', '矛盾调解', 'Mediation', 'mediation', 'free', null, 120, 4320, 30, 1440, 100);

	alter table requests drop constraint requests_type_check;
	alter table requests add constraint requests_type_fkey foreign key (type) references services (code);
	alter table volunteers drop constraint volunteers_skills_check;
	alter table volunteers add constraint volunteers_skills_check check (cardinality(skills) between 1 and 20);
	alter table volunteers drop column team;
	`.execute(db);

	await sql`
	create table teams (
		id uuid primary key default gen_random_uuid(),
		name text not null check (length(name) between 1 and 40),
		community_id uuid not null references areas(id),
		leader_volunteer_id uuid references volunteers(id),
		skills text[] not null check (cardinality(skills) between 1 and 20),
		active boolean not null default true,
		created_at timestamptz not null default now()
	);
	create unique index teams_community_name_key on teams (community_id, name);
	create table team_members (
		team_id uuid not null references teams(id) on delete cascade,
		volunteer_id uuid not null references volunteers(id) on delete cascade,
		primary key (team_id, volunteer_id)
	);
	create index team_members_volunteer_idx on team_members (volunteer_id);
	create table team_communities (
		team_id uuid not null references teams(id) on delete cascade,
		community_id uuid not null references areas(id),
		primary key (team_id, community_id)
	);
	create index team_communities_community_idx on team_communities (community_id);
	alter table requests add column team_id uuid references teams(id);
	-- A team's leader hears about the requests handed to the team, live and on catch-up.
	alter table events add column team_id uuid references teams(id);
	create index events_team_idx on events (team_id, seq) where team_id is not null;
	alter table volunteers add column active boolean not null default true;
	`.execute(db);

	await sql`
	alter table events drop constraint events_kind_check;
	alter table events add constraint events_kind_check
		check (kind in ('request_created', 'request_updated', 'volunteer_updated', 'service_updated', 'team_updated'));
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
	alter table events disable trigger events_append_only;
	delete from events where kind in ('service_updated', 'team_updated');
	alter table events drop constraint events_kind_check;
	alter table events add constraint events_kind_check check (kind in ('request_created', 'request_updated', 'volunteer_updated'));
	alter table events drop column team_id;
	alter table requests drop column team_id;
	alter table volunteers drop column active;
	drop table team_communities, team_members, teams;
	alter table volunteers add column team text;
	update volunteers set team = skills[1];
	alter table volunteers alter column team set not null;
	alter table volunteers drop constraint volunteers_skills_check;
	alter table volunteers add constraint volunteers_skills_check
		check (cardinality(skills) > 0 and skills <@ array['haircut', 'repair', 'elder_visit']);
	alter table requests drop constraint requests_type_fkey;
	alter table requests add constraint requests_type_check check (type in ('haircut', 'repair', 'elder_visit'));
	drop table services;
	drop index buildings_community_name_key;
	alter table visit_plans drop constraint visit_plans_elder_in_community;
	alter table volunteers drop constraint volunteers_home_in_community;
	alter table elders drop constraint elders_building_in_community;
	alter table requests drop constraint requests_building_in_community;
	alter table elders drop constraint elders_id_community_key;
	alter table buildings drop constraint buildings_id_community_key;
	alter table buildings add constraint buildings_name_key unique (name);
	alter table users drop column scope_area_id;
	alter table map_features drop column community_id;
	alter table events drop column community_id;
	alter table requests drop column community_id;
	alter table visit_plans drop column community_id;
	alter table elders drop column community_id;
	alter table volunteers drop column community_id;
	alter table buildings drop column community_id;
	drop table areas;
	alter table events enable trigger events_append_only;
	`.execute(db);
}
