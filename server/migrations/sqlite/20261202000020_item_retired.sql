-- Suppliers retire items they no longer hire out: a retired item leaves the catalogue and
-- takes no new reservations; reservations made before stay as they are.
alter table item add column retired_on date;
