-- Full centre configuration (CentreConfig JSON), retirement, and the outbox mark of centres.config.
alter table centre add column config text;
alter table centre add column deleted boolean not null default false;
alter table centre add column published_at timestamptz;

-- Ledger of the mentions already counted, per source stream (idempotent consumers, ADR 0003).
-- text: the first 280 characters, shown as the sample posts of incidents on the wall.
create table mention_seen (
    source       varchar(16)  not null,           -- scored | routed
    mention_key  varchar(300) not null,
    created_at   timestamptz  not null,
    text         varchar(280),
    primary key (source, mention_key)
);

-- Volume and temperature per bucket. centre '*' = every mention heard (mentions.scored);
-- a centre id = the mentions routed to that centre (conversations.routed). '' = unknown dimension value.
create table volume_bucket (
    granularity   varchar(6)   not null,          -- minute | hour
    bucket        timestamptz  not null,
    centre        varchar(64)  not null,
    network       varchar(32)  not null,
    language      varchar(8)   not null,
    topic         varchar(64)  not null,
    product_line  varchar(64)  not null,
    mentions      bigint       not null,
    positive      bigint       not null,
    negative      bigint       not null,
    score_sum     double precision not null,
    primary key (granularity, centre, bucket, network, language, topic, product_line)
);

-- Terms of the mentions heard, per bucket (rising terms).
create table term_bucket (
    granularity  varchar(6)   not null,
    bucket       timestamptz  not null,
    term         varchar(64)  not null,
    mentions     bigint       not null,
    primary key (granularity, bucket, term)
);

-- One row per conversation: where it went, its SLA and first response (response times, SLA, backlog).
create table conversation_fact (
    id                 varchar(300) primary key,
    centre             varchar(64),
    network            varchar(32),
    language           varchar(8),
    topic              varchar(64),
    queue              varchar(64),
    state              varchar(32),
    first_message_at   timestamptz,
    sla_due_at         timestamptz,
    routed_at          timestamptz,
    first_response_at  timestamptz,
    replies            integer not null default 0
);
create index conversation_fact_response on conversation_fact (centre, first_response_at);
create index conversation_fact_backlog on conversation_fact (centre, state) where first_response_at is null;

-- Public replies and their delivery outcome.
create table reply_fact (
    reply_id         varchar(128) primary key,
    conversation_id  varchar(300) not null,
    centre           varchar(64),
    network          varchar(32),
    created_at       timestamptz  not null,
    status           varchar(16),
    status_at        timestamptz,
    counted          boolean      not null default false   -- false while only its receipt is known
);
create index reply_fact_created on reply_fact (created_at);

-- Incidents of the crisis radar: the latest alert of each.
create table incident (
    id               varchar(128) primary key,
    status           varchar(16)  not null,
    subject_kind     varchar(16),
    subject          varchar(256),
    centre           varchar(64),
    language         varchar(8),
    network          varchar(32),
    severity         varchar(16),
    started_at       timestamptz,
    observed         double precision,
    expected         double precision,
    top_terms        text,
    sample_mentions  text,
    emitted_at       timestamptz  not null
);

-- Latest presence of each agent.
create table agent_presence (
    agent_id  varchar(128) primary key,
    centre    varchar(64),
    status    varchar(16) not null,
    capacity  integer     not null,
    at        timestamptz not null
);
