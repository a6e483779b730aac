-- In-app notices from a call's crew to the actors booked on it (call-time changes and the like).

create table call_notice (
    call_notice_id integer primary key,
    casting_call_id bigint not null references casting_call (casting_call_id) on delete cascade,
    body text not null,
    created_at bigint not null,
    created_by bigint references account (account_id) on delete set null
);

create index call_notice_call on call_notice (casting_call_id, created_at);
