-- Every mention ingestion has accepted, keyed by (network, native id): the de-duplication ledger and the
-- outbox that guarantees a mention acknowledged with 2xx reaches mentions.raw.
create table mention (
    key           varchar(300) primary key,
    network       varchar(32)  not null,
    native_id     varchar(256) not null,
    conversation_key varchar(300) not null,
    payload       text         not null,
    accepted_at   timestamptz  not null,
    published_at  timestamptz
);
create index mention_unpublished on mention (accepted_at) where published_at is null;
