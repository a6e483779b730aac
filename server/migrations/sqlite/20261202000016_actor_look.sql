-- An actor's "current look" photo: one per actor, replaced by a new upload, with the day it
-- was taken (crews see it as stale after 90 days). The files live in the media directory's
-- private `looks` folder under `file_key`.

create table actor_look (
    actor_id bigint primary key references actor (actor_id) on delete cascade,
    file_key text not null unique,
    taken_on date not null,
    uploaded_at bigint not null
);
