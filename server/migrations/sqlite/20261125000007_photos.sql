-- Photos of a location, uploaded by its operator or an admin. The image files live in the
-- media directory (`<data_dir>/media` by default) under `file_key`, a random name: a large
-- copy and a thumbnail, both re-encoded by the server (which also drops their metadata).

create table location_photo (
    photo_id integer primary key,
    location_id bigint not null references location (location_id) on delete cascade,
    file_key text not null unique,
    width bigint not null check (width > 0),
    height bigint not null check (height > 0),
    thumb_width bigint not null check (thumb_width > 0),
    thumb_height bigint not null check (thumb_height > 0),
    caption text not null default '',
    uploaded_by bigint references account (account_id) on delete set null,
    created_at bigint not null
);

create index location_photo_location on location_photo (location_id, created_at);
