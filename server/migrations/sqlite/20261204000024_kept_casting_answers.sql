-- The public list of open calls is kept in memory per casting revision (and studio day); any
-- change to the rows it is read from — calls, their skills and training, productions, the
-- places' names, bookings (places left) and wage reports (the warning) — bumps this counter, so
-- every server instance notices and reads the list again.
create table casting_revision (
    singleton integer primary key check (singleton = 1),
    revision bigint not null
);

insert into casting_revision (singleton, revision) values (1, 0);

create trigger casting_call_inserted after insert on casting_call
begin update casting_revision set revision = revision + 1; end;
create trigger casting_call_updated after update on casting_call
begin update casting_revision set revision = revision + 1; end;
create trigger casting_call_deleted after delete on casting_call
begin update casting_revision set revision = revision + 1; end;
create trigger casting_call_skill_inserted after insert on casting_call_skill
begin update casting_revision set revision = revision + 1; end;
create trigger casting_call_skill_updated after update on casting_call_skill
begin update casting_revision set revision = revision + 1; end;
create trigger casting_call_skill_deleted after delete on casting_call_skill
begin update casting_revision set revision = revision + 1; end;
create trigger casting_call_training_inserted after insert on casting_call_training
begin update casting_revision set revision = revision + 1; end;
create trigger casting_call_training_updated after update on casting_call_training
begin update casting_revision set revision = revision + 1; end;
create trigger casting_call_training_deleted after delete on casting_call_training
begin update casting_revision set revision = revision + 1; end;
create trigger production_inserted after insert on production
begin update casting_revision set revision = revision + 1; end;
create trigger production_updated after update on production
begin update casting_revision set revision = revision + 1; end;
create trigger production_deleted after delete on production
begin update casting_revision set revision = revision + 1; end;
-- Only the columns a call shows of its place: a booking bumps `booking_version` and must not.
create trigger location_named after update of slug, name_zh, name_en on location
begin update casting_revision set revision = revision + 1; end;
-- An application's status says whether it holds a place.
create trigger application_inserted after insert on application
begin update casting_revision set revision = revision + 1; end;
create trigger application_status_updated after update of status on application
begin update casting_revision set revision = revision + 1; end;
create trigger application_deleted after delete on application
begin update casting_revision set revision = revision + 1; end;
create trigger wage_report_inserted after insert on wage_report
begin update casting_revision set revision = revision + 1; end;
create trigger wage_report_updated after update on wage_report
begin update casting_revision set revision = revision + 1; end;
create trigger wage_report_deleted after delete on wage_report
begin update casting_revision set revision = revision + 1; end;

-- The actor pool keeps whole answers (rows and looks) with its index: a look is part of them.
create trigger actor_look_inserted after insert on actor_look
begin update actor_revision set revision = revision + 1; end;
create trigger actor_look_updated after update on actor_look
begin update actor_revision set revision = revision + 1; end;
create trigger actor_look_deleted after delete on actor_look
begin update actor_revision set revision = revision + 1; end;
