-- Recurring questions: questions heard, clustered by product line, topic and signature (their first three terms).
create table question_bucket (
    bucket        timestamptz  not null,          -- hour
    product_line  varchar(64)  not null,
    topic         varchar(64)  not null,
    signature     varchar(200) not null,
    mentions      bigint       not null,
    example       varchar(280) not null,
    primary key (bucket, product_line, topic, signature)
);
