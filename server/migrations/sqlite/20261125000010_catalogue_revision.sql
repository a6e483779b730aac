-- The catalogue search keeps an in-memory index; any change to the rows it is built from bumps
-- this counter, so every server instance notices and rebuilds.
create table catalogue_revision (
    singleton integer primary key check (singleton = 1),
    revision bigint not null
);

insert into catalogue_revision (singleton, revision) values (1, 0);

create trigger item_inserted after insert on item
begin update catalogue_revision set revision = revision + 1; end;
create trigger item_updated after update on item
begin update catalogue_revision set revision = revision + 1; end;
create trigger item_deleted after delete on item
begin update catalogue_revision set revision = revision + 1; end;
create trigger item_tag_inserted after insert on item_tag
begin update catalogue_revision set revision = revision + 1; end;
create trigger item_tag_deleted after delete on item_tag
begin update catalogue_revision set revision = revision + 1; end;
create trigger subcategory_changed after update on subcategory
begin update catalogue_revision set revision = revision + 1; end;
create trigger subcategory_inserted after insert on subcategory
begin update catalogue_revision set revision = revision + 1; end;
create trigger supplier_changed after update on supplier
begin update catalogue_revision set revision = revision + 1; end;
create trigger supplier_inserted after insert on supplier
begin update catalogue_revision set revision = revision + 1; end;
