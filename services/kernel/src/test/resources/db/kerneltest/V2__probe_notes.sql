-- The test application's notes: narrow columns, so that too-long text, numbers out of range and
-- NUL characters reach PostgreSQL the way they would in a service.
create table probe_note (
    code    varchar(16) primary key,
    text    varchar(40) not null,
    copies  smallint    not null
);
