-- Signed webhook deliveries already processed (issue 11): a delivery whose exact signed body comes again within the
-- replay window is refused (409), not processed a second time. Purged past the window.
create table webhook_delivery (
    id           varchar(100) primary key,  -- connector:sha256(signed bytes)
    connector    varchar(32)  not null,
    received_at  timestamptz  not null
);
create index webhook_delivery_received on webhook_delivery (received_at);
