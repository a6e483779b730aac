-- Catalogue answers are kept per catalogue revision, and an answer's cards show each item's
-- first photo: adding or removing an item's photo is a catalogue change too.
create trigger item_photo_changed after insert or update or delete on item_photo
    for each statement execute function bump_catalogue_revision();

-- The map's locations are kept in memory per revision; any change to the rows they are read
-- from (the pins' columns, eras, facilities) bumps this counter, so every server instance
-- notices and reads them again.
create table location_revision (
    singleton integer primary key check (singleton = 1),
    revision bigint not null
);

insert into location_revision (singleton, revision) values (1, 0);

create function bump_location_revision() returns trigger language plpgsql as $$
begin
    update location_revision set revision = revision + 1;
    return null;
end
$$;

-- Only the columns the map shows: a booking bumps `booking_version` and must not.
create trigger location_changed after insert or delete or update of location_id, slug, name_zh,
    name_en, name_pinyin, kind, setting, base, lat, lon, area_m2, hourly_rate_fen, changeover_min
    on location for each statement execute function bump_location_revision();
create trigger location_era_changed after insert or update or delete on location_era
    for each statement execute function bump_location_revision();
create trigger location_facility_changed after insert or update or delete on location_facility
    for each statement execute function bump_location_revision();
