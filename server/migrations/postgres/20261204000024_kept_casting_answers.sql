-- The public list of open calls is kept in memory per casting revision (and studio day); any
-- change to the rows it is read from — calls, their skills and training, productions, the
-- places' names, bookings (places left) and wage reports (the warning) — bumps this counter, so
-- every server instance notices and reads the list again.
create table casting_revision (
    singleton integer primary key check (singleton = 1),
    revision bigint not null
);

insert into casting_revision (singleton, revision) values (1, 0);

create function bump_casting_revision() returns trigger language plpgsql as $$
begin
    update casting_revision set revision = revision + 1;
    return null;
end
$$;

create trigger casting_call_changed after insert or update or delete on casting_call
    for each statement execute function bump_casting_revision();
create trigger casting_call_skill_changed after insert or update or delete on casting_call_skill
    for each statement execute function bump_casting_revision();
create trigger casting_call_training_changed after insert or update or delete
    on casting_call_training for each statement execute function bump_casting_revision();
create trigger production_changed after insert or update or delete on production
    for each statement execute function bump_casting_revision();
-- Only the columns a call shows of its place: a booking bumps `booking_version` and must not.
create trigger location_named after update of slug, name_zh, name_en on location
    for each statement execute function bump_casting_revision();
-- An application's status says whether it holds a place.
create trigger application_changed after insert or delete or update of status on application
    for each statement execute function bump_casting_revision();
create trigger wage_report_changed after insert or update or delete on wage_report
    for each statement execute function bump_casting_revision();

-- The actor pool keeps whole answers (rows and looks) with its index: a look is part of them.
create trigger actor_look_changed after insert or update or delete on actor_look
    for each statement execute function bump_actor_revision();
