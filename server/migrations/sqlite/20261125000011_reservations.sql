-- Reserving stock: each crew member's request list (dates and quantities), and reservations
-- (one per supplier of a submitted list) with their lines at the prices quoted.

create table request_list (
    account_id bigint primary key references account (account_id) on delete cascade,
    first_day date not null,
    last_day date not null,
    check (last_day >= first_day)
);

create table request_line (
    account_id bigint not null references account (account_id) on delete cascade,
    item_id bigint not null references item (item_id) on delete cascade,
    quantity bigint not null check (quantity between 1 and 500),
    added_at bigint not null,
    primary key (account_id, item_id)
);

create table reservation (
    reservation_id integer primary key,
    code text not null unique,
    production_id bigint not null references production (production_id),
    requested_by bigint references account (account_id) on delete set null,
    supplier_id bigint not null references supplier (supplier_id),
    status text not null
        check (status in ('requested', 'confirmed', 'declined', 'cancelled', 'picked_up', 'returned')),
    first_day date not null,
    last_day date not null,
    created_at bigint not null,
    check (last_day >= first_day)
);

create index reservation_production on reservation (production_id, first_day);
create index reservation_supplier on reservation (supplier_id, first_day);

create table reservation_line (
    reservation_id bigint not null references reservation (reservation_id) on delete cascade,
    item_id bigint not null references item (item_id),
    quantity bigint not null check (quantity > 0),
    daily_rate_fen bigint not null check (daily_rate_fen >= 0),
    deposit_fen bigint not null check (deposit_fen >= 0),
    primary key (reservation_id, item_id)
);

create index reservation_line_item on reservation_line (item_id);
