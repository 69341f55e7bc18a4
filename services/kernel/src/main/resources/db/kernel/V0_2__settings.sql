-- Operator-changeable settings: the article's numbers, overriding configured defaults, every change audited.
create table setting (
    key         varchar(100)  primary key,
    value       varchar(1000) not null,
    updated_by  varchar(200)  not null,
    updated_at  timestamptz   not null
);

create table setting_change (
    id          bigserial     primary key,
    key         varchar(100)  not null,
    old_value   varchar(1000) not null,
    new_value   varchar(1000) not null,
    reason      varchar(1000) not null,
    changed_by  varchar(200)  not null,
    changed_at  timestamptz   not null
);
create index setting_change_by_key on setting_change (key, id);
