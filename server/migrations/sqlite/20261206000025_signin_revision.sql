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

create trigger account_signin_updated after update on account
begin update signin_revision set revision = revision + 1; end;
create trigger account_signin_deleted after delete on account
begin update signin_revision set revision = revision + 1; end;
create trigger production_signin_updated after update on production
begin update signin_revision set revision = revision + 1; end;
create trigger production_signin_deleted after delete on production
begin update signin_revision set revision = revision + 1; end;
create trigger supplier_signin_updated after update on supplier
begin update signin_revision set revision = revision + 1; end;
create trigger supplier_signin_deleted after delete on supplier
begin update signin_revision set revision = revision + 1; end;
