-- Regional language centres of this deployment.
create table centre (
    id                   varchar(64) primary key,
    city                 varchar(128) not null,
    time_zone            varchar(64)  not null,
    primary_languages    text         not null,
    secondary_languages  text         not null,
    residency_zone       varchar(32)  not null,
    updated_at           timestamptz  not null
);
