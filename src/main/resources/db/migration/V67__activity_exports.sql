-- Every activity export an auditor was given (issue 16): who made it, when, for which range, how many rows, and the
-- SHA-256 of the file as it was streamed, so a file handed over can later be shown to be the one the app produced.
create table activity_export (
    id          uuid primary key,
    exported_by varchar(100) not null,
    exported_at timestamp with time zone not null,
    range_from  date         not null,
    range_to    date         not null,
    row_count   bigint       not null,
    sha256      char(64)     not null
);
create index activity_export_at_idx on activity_export (exported_at desc);
