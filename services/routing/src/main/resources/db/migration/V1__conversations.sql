-- Conversations: one per thread (network:thread root id), with where they are routed.
create table conversation (
    id              varchar(300) primary key,
    network         varchar(32)  not null,
    space           varchar(300),
    author_id       varchar(300),
    language        varchar(8)   not null,
    state           varchar(32)  not null,
    centre          varchar(64)  not null,
    queue           varchar(64)  not null,
    priority        int          not null,
    message_count   int          not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index conversation_centre_state on conversation (centre, state);

-- Every message threaded into a conversation; the primary key makes redelivery harmless.
create table conversation_message (
    mention_key      varchar(300) primary key,
    conversation_id  varchar(300) not null references conversation (id),
    created_at       timestamptz  not null
);
create index conversation_message_conversation on conversation_message (conversation_id);

-- Every state change with its reason.
create table conversation_transition (
    id               bigserial primary key,
    conversation_id  varchar(300) not null references conversation (id),
    from_state       varchar(32),
    to_state         varchar(32) not null,
    reason           text        not null,
    at               timestamptz not null
);
