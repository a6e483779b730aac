-- In-app notices to productions; the first kind: the set a production takes over next is handed
-- over later, because the booking before its own was extended (an overrun).

create table notice (
    notice_id integer primary key,
    production_id bigint not null references production (production_id) on delete cascade,
    -- The production's booking the notice concerns.
    booking_id bigint not null references booking (booking_id) on delete cascade,
    kind text not null check (kind in ('handover_later')),
    -- For 'handover_later': when the set is now handed over.
    at_time bigint not null,
    created_at bigint not null
);

create index notice_production on notice (production_id, created_at);
