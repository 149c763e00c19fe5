-- Replies to post, keyed by reply id: the idempotency ledger of outbound posting (a reply id is posted at most once,
-- across redeliveries and restarts) and the outbox of its delivery receipt.
create table outbound_reply (
    reply_id          varchar(200) primary key,
    conversation_id   varchar(300),
    network           varchar(32)  not null,
    space             varchar(300),
    in_reply_to       varchar(300) not null,
    text              text         not null,
    status            varchar(16)  not null,   -- pending, posting, delivered, failed
    attempts          integer      not null,
    network_id        varchar(300),
    last_error        text,
    next_attempt_at   timestamptz  not null,
    received_at       timestamptz  not null,
    updated_at        timestamptz  not null,
    receipt_published_at timestamptz
);
create index outbound_due on outbound_reply (next_attempt_at) where status = 'pending';
create index outbound_receipt_unpublished on outbound_reply (updated_at)
    where receipt_published_at is null and status in ('delivered', 'failed');

-- Per-source cursors of the pollers (X since_id, RSS ETag/Last-Modified...), kept across restarts.
create table connector_cursor (
    source      varchar(500) primary key,
    cursor      text,
    etag        text,
    last_modified text,
    updated_at  timestamptz not null
);
