-- The catalogue search keeps an in-memory index; any change to the rows it is built from bumps
-- this counter, so every server instance notices and rebuilds.
create table catalogue_revision (
    singleton integer primary key check (singleton = 1),
    revision bigint not null
);

insert into catalogue_revision (singleton, revision) values (1, 0);

create function bump_catalogue_revision() returns trigger language plpgsql as $$
begin
    update catalogue_revision set revision = revision + 1;
    return null;
end
$$;

create trigger item_changed after insert or update or delete on item
    for each statement execute function bump_catalogue_revision();
create trigger item_tag_changed after insert or update or delete on item_tag
    for each statement execute function bump_catalogue_revision();
create trigger subcategory_changed after insert or update or delete on subcategory
    for each statement execute function bump_catalogue_revision();
create trigger supplier_changed after insert or update or delete on supplier
    for each statement execute function bump_catalogue_revision();
