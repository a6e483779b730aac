-- The actor-pool search keeps an in-memory index of discoverable actors; any change to the rows
-- it is built from bumps this counter, so every server instance notices and rebuilds.
create table actor_revision (
    singleton integer primary key check (singleton = 1),
    revision bigint not null
);

insert into actor_revision (singleton, revision) values (1, 0);

create function bump_actor_revision() returns trigger language plpgsql as $$
begin
    update actor_revision set revision = revision + 1;
    return null;
end
$$;

create trigger actor_changed after insert or update or delete on actor
    for each statement execute function bump_actor_revision();
create trigger actor_skill_changed after insert or update or delete on actor_skill
    for each statement execute function bump_actor_revision();
create trigger training_pass_changed after insert or update or delete on training_pass
    for each statement execute function bump_actor_revision();
