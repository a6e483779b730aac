-- Memberships and invitations: crew and supplier accounts join a production or supplier through
-- an admin or a single-use invitation link. Sessions carry the account's session version, which
-- a password change bumps so every other session ends.

alter table account add column session_version bigint not null default 0;

create index account_production on account (production_id);
create index account_supplier on account (supplier_id);

create table invitation (
    invitation_id integer primary key,
    -- SHA-256 of the token in the link; the token itself is never stored.
    token_hash text not null unique,
    production_id bigint references production (production_id) on delete cascade,
    supplier_id bigint references supplier (supplier_id) on delete cascade,
    created_by bigint references account (account_id) on delete set null,
    created_at bigint not null,
    expires_at bigint not null,
    used_by bigint references account (account_id) on delete set null,
    used_at bigint,
    check ((production_id is null) <> (supplier_id is null))
);

create index audit_log_created on audit_log (created_at);
