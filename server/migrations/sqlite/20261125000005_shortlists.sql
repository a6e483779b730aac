-- Shortlists: a crew member's chosen locations, and a read-only link to share them with the team.

create table shortlist_entry (
    account_id bigint not null references account (account_id) on delete cascade,
    location_id bigint not null references location (location_id) on delete cascade,
    added_at bigint not null,
    primary key (account_id, location_id)
);

create table shortlist_share (
    account_id bigint primary key references account (account_id) on delete cascade,
    -- The token in the shared link. Kept in the clear (unlike invitations) so the owner can copy
    -- the link again: it only ever reveals public facts about locations.
    token text not null unique,
    created_at bigint not null
);
