-- Booking phases: shooting runs [shoot_from, shoot_to) inside the booking; before it is set
-- dressing, after it strike. Both null: the whole booking is shooting.

alter table booking add column shoot_from bigint check (shoot_from % 60 = 0);
alter table booking add column shoot_to bigint
    check ((shoot_from is null and shoot_to is null)
        or (shoot_to % 60 = 0 and starts_at <= shoot_from and shoot_from < shoot_to
            and shoot_to <= ends_at));
