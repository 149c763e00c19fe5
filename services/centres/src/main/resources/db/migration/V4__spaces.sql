-- Brand spaces' health: the space of each conversation, and volume and temperature per space.
alter table conversation_fact add column space varchar(128);
create index conversation_fact_space on conversation_fact (space, first_message_at);
create table space_bucket (
    granularity  varchar(6)   not null,
    bucket       timestamptz  not null,
    space        varchar(128) not null,
    network      varchar(32)  not null,
    mentions     bigint       not null,
    positive     bigint       not null,
    negative     bigint       not null,
    score_sum    double precision not null,
    primary key (granularity, bucket, space)
);
