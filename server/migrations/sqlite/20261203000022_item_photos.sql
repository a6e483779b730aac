-- Photos of catalogue items, uploaded by the item's supplier: the files live in the media
-- directory (as location photos do); the first photo is the item's thumbnail in the catalogue.
create table item_photo (
    photo_id integer primary key,
    item_id bigint not null references item (item_id) on delete cascade,
    file_key text not null unique,
    width bigint not null check (width > 0),
    height bigint not null check (height > 0),
    thumb_width bigint not null check (thumb_width > 0),
    thumb_height bigint not null check (thumb_height > 0),
    caption text not null default '',
    uploaded_by bigint references account (account_id) on delete set null,
    created_at bigint not null
);

create index item_photo_item on item_photo (item_id, created_at, photo_id);
