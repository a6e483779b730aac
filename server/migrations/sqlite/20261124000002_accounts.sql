-- Accounts: creation time, failed-login tracking for per-account throttling, and the admin audit log.

alter table account add column created_at bigint not null default 0;

create table login_failure (
    login text not null,
    failed_at bigint not null
);

create index login_failure_login on login_failure (login, failed_at);

create table audit_log (
    audit_log_id integer primary key,
    account_id bigint references account (account_id) on delete set null,
    action text not null,
    detail text not null,
    created_at bigint not null
);
