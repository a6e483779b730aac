-- Location bookings, to the minute, in Unix seconds. `requested` and `confirmed` bookings hold
-- the location; each keeps the location's changeover buffer (copied when booked) free after it
-- for other productions.

alter table location add column instant_book boolean not null default false;
-- Bumped by every booking write for the location: the first statement of a booking transaction,
-- so writers to one location queue up (SQLite's write lock, PostgreSQL's row lock).
alter table location add column booking_version bigint not null default 0;

create table booking (
    booking_id integer primary key,
    location_id bigint not null references location (location_id),
    production_id bigint not null references production (production_id),
    booked_by bigint references account (account_id) on delete set null,
    status text not null check (status in ('requested', 'confirmed', 'completed', 'cancelled')),
    starts_at bigint not null check (starts_at % 60 = 0),
    ends_at bigint not null check (ends_at % 60 = 0),
    changeover_s bigint not null check (changeover_s >= 0),
    note text not null default '',
    created_at bigint not null,
    check (ends_at > starts_at)
);

create index booking_location on booking (location_id, starts_at);
create index booking_production on booking (production_id, starts_at);

-- The database itself refuses double bookings, whatever the application does: the same rule as
-- PostgreSQL's exclusion constraints, checked on every insert and on every change of times or
-- status.
create trigger booking_no_clash_insert before insert on booking
when new.status in ('requested', 'confirmed')
begin
    select raise(abort, 'booking_clash') where exists (
        select 1 from booking b
        where b.location_id = new.location_id
          and b.status in ('requested', 'confirmed')
          and new.starts_at < b.ends_at
              + case when b.production_id = new.production_id then 0 else b.changeover_s end
          and b.starts_at < new.ends_at
              + case when b.production_id = new.production_id then 0 else new.changeover_s end
    );
end;

create trigger booking_no_clash_update before update of starts_at, ends_at, status on booking
when new.status in ('requested', 'confirmed')
begin
    select raise(abort, 'booking_clash') where exists (
        select 1 from booking b
        where b.location_id = new.location_id
          and b.booking_id <> new.booking_id
          and b.status in ('requested', 'confirmed')
          and new.starts_at < b.ends_at
              + case when b.production_id = new.production_id then 0 else b.changeover_s end
          and b.starts_at < new.ends_at
              + case when b.production_id = new.production_id then 0 else new.changeover_s end
    );
end;
