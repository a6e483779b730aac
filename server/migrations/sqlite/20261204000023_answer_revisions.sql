-- Catalogue answers are kept per catalogue revision, and an answer's cards show each item's
-- first photo: adding or removing an item's photo is a catalogue change too.
create trigger item_photo_inserted after insert on item_photo
begin update catalogue_revision set revision = revision + 1; end;
create trigger item_photo_updated after update on item_photo
begin update catalogue_revision set revision = revision + 1; end;
create trigger item_photo_deleted after delete on item_photo
begin update catalogue_revision set revision = revision + 1; end;

-- The map's locations are kept in memory per revision; any change to the rows they are read
-- from (the pins' columns, eras, facilities) bumps this counter, so every server instance
-- notices and reads them again.
create table location_revision (
    singleton integer primary key check (singleton = 1),
    revision bigint not null
);

insert into location_revision (singleton, revision) values (1, 0);

create trigger location_inserted after insert on location
begin update location_revision set revision = revision + 1; end;
-- Only the columns the map shows: a booking bumps `booking_version` and must not.
create trigger location_updated after update of location_id, slug, name_zh,
    name_en, name_pinyin, kind, setting, base, lat, lon, area_m2, hourly_rate_fen, changeover_min
    on location
begin update location_revision set revision = revision + 1; end;
create trigger location_deleted after delete on location
begin update location_revision set revision = revision + 1; end;
create trigger location_era_inserted after insert on location_era
begin update location_revision set revision = revision + 1; end;
create trigger location_era_updated after update on location_era
begin update location_revision set revision = revision + 1; end;
create trigger location_era_deleted after delete on location_era
begin update location_revision set revision = revision + 1; end;
create trigger location_facility_inserted after insert on location_facility
begin update location_revision set revision = revision + 1; end;
create trigger location_facility_updated after update on location_facility
begin update location_revision set revision = revision + 1; end;
create trigger location_facility_deleted after delete on location_facility
begin update location_revision set revision = revision + 1; end;
