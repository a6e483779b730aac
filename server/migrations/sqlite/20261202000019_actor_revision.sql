-- The actor-pool search keeps an in-memory index of discoverable actors; any change to the rows
-- it is built from bumps this counter, so every server instance notices and rebuilds.
create table actor_revision (
    singleton integer primary key check (singleton = 1),
    revision bigint not null
);

insert into actor_revision (singleton, revision) values (1, 0);

create trigger actor_inserted after insert on actor
begin update actor_revision set revision = revision + 1; end;
create trigger actor_updated after update on actor
begin update actor_revision set revision = revision + 1; end;
create trigger actor_deleted after delete on actor
begin update actor_revision set revision = revision + 1; end;
create trigger actor_skill_inserted after insert on actor_skill
begin update actor_revision set revision = revision + 1; end;
create trigger actor_skill_deleted after delete on actor_skill
begin update actor_revision set revision = revision + 1; end;
create trigger training_pass_inserted after insert on training_pass
begin update actor_revision set revision = revision + 1; end;
create trigger training_pass_updated after update on training_pass
begin update actor_revision set revision = revision + 1; end;
create trigger training_pass_deleted after delete on training_pass
begin update actor_revision set revision = revision + 1; end;
