-- The supplier's side of reservations: when a reservation was answered, handed over and taken
-- back, how many units of each line came back damaged, and units away for repair (they count
-- against every day from their return until marked repaired).

alter table reservation add column answered_at bigint;
alter table reservation add column picked_up_on date;
alter table reservation add column returned_on date;

alter table reservation_line add column damaged bigint not null default 0
    check (damaged >= 0 and damaged <= quantity);

create table maintenance (
    maintenance_id integer primary key,
    item_id bigint not null references item (item_id),
    reservation_id bigint references reservation (reservation_id) on delete set null,
    quantity bigint not null check (quantity > 0),
    since date not null,
    reported_at bigint not null,
    repaired_at bigint,
    repaired_by bigint references account (account_id) on delete set null
);

create index maintenance_open on maintenance (item_id, since) where repaired_at is null;
create index reservation_supplier_status on reservation (supplier_id, status);
