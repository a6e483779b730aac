-- A production may let item pages name it among the productions that used an item (its crew
-- decides on the account page); productions that did not are only counted there.
alter table production add column credit_consent boolean not null default false;
