-- The test application's own table: every application of its consumer's effect, one row each.
-- No key on purpose: a duplicate delivery that got through would show as a second row.
create table seen_community (
    id        bigserial primary key,
    code      varchar(64) not null,
    name      varchar(200) not null,
    revision  bigint not null
);

-- What a lost race on a unique key looks like (ProblemDetailsTest): the second insert is refused.
create table race_probe (
    code  varchar(64) primary key
);
