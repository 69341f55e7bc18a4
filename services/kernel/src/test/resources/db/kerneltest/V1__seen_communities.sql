-- The test application's own table: what its consumer applied.
create table seen_community (
    code      varchar(64) not null,
    name      varchar(200) not null,
    revision  bigint not null,
    primary key (code, revision)
);
