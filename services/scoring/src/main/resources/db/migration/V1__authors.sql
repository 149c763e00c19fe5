-- Mentions already scored (idempotent consumer: a redelivered record does not count twice).
create table scored_mention (
    key        varchar(300) primary key,
    scored_at  timestamptz not null
);
-- What scoring knows of each author across mentions: the base of influence and expert detection.
create table author_stats (
    author_key   varchar(300) primary key,
    mentions     bigint      not null,
    last_seen_at timestamptz not null
);
