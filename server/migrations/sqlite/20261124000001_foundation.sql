-- Backlot's foundation schema (SQLite). Money in fen, dates as ISO text, codes from domain::vocab.

create table supplier (
    supplier_id integer primary key,
    code text not null unique,
    kind text not null check (kind in ('stock', 'location_operator')),
    name_zh text not null,
    name_en text not null,
    site_zh text not null,
    site_en text not null
);

create table production (
    production_id integer primary key,
    code text not null unique,
    name_zh text not null,
    name_en text not null,
    company_zh text not null,
    company_en text not null,
    verified boolean not null default false,
    era text
);

create table location (
    location_id integer primary key,
    slug text not null unique,
    name_zh text not null,
    name_en text not null,
    name_pinyin text not null,
    kind text not null,
    setting text not null,
    base text not null,
    lat double precision not null check (lat between -90 and 90),
    lon double precision not null check (lon between -180 and 180),
    area_m2 bigint not null check (area_m2 > 0),
    hourly_rate_fen bigint not null check (hourly_rate_fen >= 0),
    changeover_min bigint not null check (changeover_min >= 0),
    description_zh text not null,
    description_en text not null,
    supplier_id bigint not null references supplier (supplier_id)
);

create table location_era (
    location_id bigint not null references location (location_id) on delete cascade,
    era text not null,
    position bigint not null,
    primary key (location_id, era)
);

create table location_facility (
    location_id bigint not null references location (location_id) on delete cascade,
    facility text not null,
    primary key (location_id, facility)
);

create table subcategory (
    subcategory_id integer primary key,
    code text not null unique,
    category text not null,
    name_zh text not null,
    name_en text not null
);

create table item (
    item_id integer primary key,
    sku text not null unique,
    category text not null,
    subcategory_id bigint not null references subcategory (subcategory_id),
    era text not null,
    colour text not null,
    material text not null,
    size text,
    condition text not null,
    quantity_owned bigint not null check (quantity_owned >= 0),
    daily_rate_fen bigint not null check (daily_rate_fen >= 0),
    deposit_fen bigint not null check (deposit_fen >= 0),
    supplier_id bigint not null references supplier (supplier_id),
    name_zh text not null,
    name_en text not null
);

create index item_category on item (category, subcategory_id);

create table item_tag (
    item_id bigint not null references item (item_id) on delete cascade,
    tag text not null,
    primary key (item_id, tag)
);

create table casting_call (
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
    status text not null check (status in ('open', 'closed')),
    check (ends_on >= starts_on)
);

create index casting_call_open on casting_call (status, deadline);

create table casting_call_skill (
    casting_call_id bigint not null references casting_call (casting_call_id) on delete cascade,
    skill text not null,
    primary key (casting_call_id, skill)
);

create table actor (
    actor_id integer primary key,
    name text not null,
    gender text not null,
    birth_date date not null,
    height_cm bigint not null check (height_cm between 50 and 260),
    weight_kg bigint not null check (weight_kg between 20 and 300),
    phone text not null unique,
    discoverable boolean not null default false
);

create table actor_skill (
    actor_id bigint not null references actor (actor_id) on delete cascade,
    skill text not null,
    primary key (actor_id, skill)
);

create table account (
    account_id integer primary key,
    login text not null unique,
    password_hash text not null,
    role text not null check (role in ('actor', 'crew', 'supplier', 'admin')),
    display_name text not null,
    production_id bigint references production (production_id),
    supplier_id bigint references supplier (supplier_id),
    actor_id bigint references actor (actor_id) on delete set null
);
