-- Maps load the locations inside their visible area.
create index location_position on location (lat, lon);
