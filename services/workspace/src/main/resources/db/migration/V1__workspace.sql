-- The agents' view of each conversation, built from conversations.routed.
create table conversation (
    id              varchar(300) primary key,
    centre          varchar(64)  not null,
    queue           varchar(64)  not null,
    state           varchar(32)  not null,
    priority        int          not null,
    actionable      boolean      not null,
    network         varchar(32)  not null,
    space           varchar(300),
    language        varchar(8)   not null,
    author_handle   varchar(300),
    last_text       text,
    sentiment       varchar(16),
    topic           varchar(64),
    routing_reasons text,
    message_count   int          not null,
    sla_due_at      timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    -- When ingestion accepted the message that last updated it: the end of the latency clock is updated_at.
    last_accepted_at timestamptz
);
create index conversation_centre_queue on conversation (centre, queue, state, priority desc, updated_at);

-- Every message of a conversation, inbound (customer) or outbound (agent reply).
create table message (
    mention_key      varchar(300) primary key,
    conversation_id  varchar(300) not null references conversation (id),
    direction        varchar(8)   not null,
    author_handle    varchar(300),
    text             text         not null,
    language         varchar(8),
    sentiment        varchar(16),
    sentiment_score  double precision,
    created_at       timestamptz  not null
);
create index message_conversation on message (conversation_id, created_at);
