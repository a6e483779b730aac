-- Actors register themselves: by phone or by e-mail, so the phone becomes optional; crews may
-- cancel a call as well as close it (SQLite cannot change a NOT NULL or a CHECK: the tables are
-- rebuilt, as SQLite documents, on the migration
-- connection, which runs with foreign-key enforcement off so that dropping the old table fires
-- no `on delete` actions); and applications to casting calls, one per actor per call.

create table actor_rebuilt (
    actor_id integer primary key,
    name text not null,
    gender text not null check (gender in ('female', 'male')),
    birth_date date not null,
    height_cm bigint not null check (height_cm between 50 and 260),
    weight_kg bigint not null check (weight_kg between 20 and 300),
    phone text unique,
    discoverable boolean not null default false,
    registered_at bigint not null default 0
);

insert into actor_rebuilt (actor_id, name, gender, birth_date, height_cm, weight_kg, phone, discoverable)
select actor_id, name, gender, birth_date, height_cm, weight_kg, phone, discoverable from actor;

drop table actor;

alter table actor_rebuilt rename to actor;

create table casting_call_rebuilt (
    casting_call_id integer primary key,
    production_id bigint not null references production (production_id),
    role_zh text not null,
    role_en text not null,
    description_zh text not null,
    description_en text not null,
    location_id bigint not null references location (location_id),
    starts_on date not null,
    ends_on date not null,
    deadline date not null,
    pay_per_day_fen bigint not null check (pay_per_day_fen >= 0),
    gender text,
    age_min bigint,
    age_max bigint,
    height_min_cm bigint,
    height_max_cm bigint,
    weight_min_kg bigint,
    weight_max_kg bigint,
    needed bigint not null check (needed > 0),
    status text not null check (status in ('open', 'closed', 'cancelled')),
    check (ends_on >= starts_on)
);

insert into casting_call_rebuilt select * from casting_call;

drop table casting_call;

alter table casting_call_rebuilt rename to casting_call;

create index casting_call_open on casting_call (status, deadline);

create table application (
    application_id integer primary key,
    casting_call_id bigint not null references casting_call (casting_call_id) on delete cascade,
    actor_id bigint not null references actor (actor_id) on delete cascade,
    status text not null check (status in ('applied', 'shortlisted', 'booked', 'released')),
    released_reason text check (released_reason in ('not_picked', 'filled', 'closed', 'cancelled', 'withdrawn')),
    applied_at bigint not null,
    updated_at bigint not null,
    unique (casting_call_id, actor_id),
    check ((status = 'released') = (released_reason is not null))
);

create index application_actor on application (actor_id, applied_at);
create index application_call on application (casting_call_id, status);

-- The actor pool: crews search discoverable actors by gender and age (birth date) first.
create index actor_pool on actor (discoverable, gender, birth_date);
create index actor_skill_by_skill on actor_skill (skill, actor_id);
