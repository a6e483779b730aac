-- Attendance, pay and unpaid-wage reports (欠薪反馈) for booked actors.
--
-- A booked actor's pass code (shown as a QR code) is made when the pass is first shown; the
-- crew records attendance by it, one row per application and day, and marks the day paid.
-- An actor reports an attended, unpaid day; one unresolved report per day.

alter table application add column pass_code text;
create unique index application_pass on application (pass_code);

create table attendance (
    application_id bigint not null references application (application_id) on delete cascade,
    day date not null,
    attended_at bigint not null,
    recorded_by bigint references account (account_id) on delete set null,
    paid_at bigint,
    paid_by bigint references account (account_id) on delete set null,
    primary key (application_id, day)
);

create table wage_report (
    wage_report_id integer primary key,
    application_id bigint not null,
    day date not null,
    amount_fen bigint not null check (amount_fen > 0),
    note text not null,
    reported_on date not null,
    created_at bigint not null,
    answer text,
    answered_at bigint,
    answered_by bigint references account (account_id) on delete set null,
    resolved_at bigint,
    resolved_by bigint references account (account_id) on delete set null,
    foreign key (application_id, day) references attendance (application_id, day) on delete cascade,
    check ((answer is null) = (answered_at is null))
);

create unique index wage_report_unresolved on wage_report (application_id, day)
    where resolved_at is null;
create index wage_report_open on wage_report (resolved_at, reported_on);
