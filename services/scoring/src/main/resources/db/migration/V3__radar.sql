-- Crisis radar (ADR 0013). The radar's whole state with the offsets of mentions.scored it has consumed, written by
-- the leader every snapshot interval: a restarted instance reads it back and seeks to those offsets.
create table radar_snapshot (
    id         smallint primary key check (id = 1),
    taken_at   timestamptz not null,
    clock      timestamptz,
    offsets    text        not null,   -- "partition:offset,partition:offset"
    state      bytea       not null    -- gzip of Radar.write
);
-- One instance at a time publishes alerts and takes snapshots: the holder of this lease.
create table radar_lease (
    name       varchar(50) primary key,
    owner      varchar(100) not null,
    expires_at timestamptz  not null
);
-- Incidents as the radar last reported them, with what supervisors did about them.
create table incident (
    id              varchar(40) primary key,
    status          varchar(20) not null,          -- open, growing, resolved (detection)
    workflow        varchar(20) not null default 'new', -- new, acknowledged, closed (people)
    revision        int         not null,          -- last alert revision published for it
    seq             int         not null,          -- last radar event applied (idempotent replays)
    subject_kind    varchar(20) not null,
    subject         varchar(300) not null,
    centre          varchar(100),
    language        varchar(10),
    network         varchar(40),
    started_at      timestamptz not null,
    detected_at     timestamptz not null,          -- radar clock (event time) of the opening event
    updated_at      timestamptz not null,          -- radar clock of the last event
    resolved_at     timestamptz,
    window_seconds  bigint      not null,
    observed        double precision not null,
    expected        double precision not null,
    p_value         double precision not null,
    severity        varchar(20) not null,
    top_terms       text        not null,          -- JSON array
    related         text        not null,          -- JSON array of kind:subject
    samples         text        not null,          -- JSON array of {key, at, text, language, network}
    mentions        bigint      not null,
    acknowledged_by varchar(200),
    acknowledged_at timestamptz,
    closed_by       varchar(200),
    closed_at       timestamptz
);
create index incident_active on incident (workflow, status, updated_at desc);
-- The mentions an incident grouped (bounded per event by the radar).
create table incident_mention (
    incident_id varchar(40)  not null references incident (id),
    mention_key varchar(300) not null,
    at          timestamptz  not null,
    text        text,
    language    varchar(10),
    network     varchar(40),
    primary key (incident_id, mention_key)
);
create index incident_mention_at on incident_mention (incident_id, at desc);
-- Supervisors' notes and actions on an incident (the incident's audit trail).
create table incident_note (
    id          bigserial primary key,
    incident_id varchar(40)  not null references incident (id),
    author      varchar(200) not null,
    action      varchar(20)  not null,   -- note, acknowledge, close
    text        text,
    created_at  timestamptz  not null
);
create index incident_note_incident on incident_note (incident_id, id);
-- Alerts to publish on the alerts topic, in order (transactional outbox; origin makes replays idempotent).
create table alert_outbox (
    seq         bigserial primary key,
    incident_id varchar(40)  not null,
    origin      varchar(100) not null,   -- radar:<seq> or api:<uuid>
    payload     text         not null,   -- the Alert as JSON
    created_at  timestamptz  not null,
    sent_at     timestamptz,
    unique (incident_id, origin)
);
create index alert_outbox_unsent on alert_outbox (seq) where sent_at is null;
-- Signed webhook notifications of each alert, one row per endpoint, retried with backoff.
create table webhook_delivery (
    id              bigserial primary key,
    outbox_seq      bigint       not null references alert_outbox (seq),
    endpoint        varchar(100) not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    last_status     int,
    last_error      text,
    unique (outbox_seq, endpoint)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null and failed_at is null;
