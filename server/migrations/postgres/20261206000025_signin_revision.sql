-- Who a session is signed in as is kept in memory per sign-in revision; any change to what
-- decides it — the account (its role, name, organisation, session version, or its deletion) and
-- the names and era of its production or supplier — bumps this counter, as does a session ending
-- (logout, a new id at login, expiry: the trigger on the session table is created with it, by
-- `server::sessions`), so every server instance notices and reads the session again.
create table signin_revision (
    singleton integer primary key check (singleton = 1),
    revision bigint not null
);

insert into signin_revision (singleton, revision) values (1, 0);

create function bump_signin_revision() returns trigger language plpgsql as $$
begin
    update signin_revision set revision = revision + 1;
    return null;
end
$$;

create trigger account_signin_changed after update or delete on account
    for each statement execute function bump_signin_revision();
create trigger production_signin_changed after update or delete on production
    for each statement execute function bump_signin_revision();
create trigger supplier_signin_changed after update or delete on supplier
    for each statement execute function bump_signin_revision();
