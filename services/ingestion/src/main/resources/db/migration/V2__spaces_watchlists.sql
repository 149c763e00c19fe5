-- Brand spaces (accounts, pages, boards, groups, feeds) and watchlists (boolean queries), each owned by a centre.
create table space (
    id          varchar(300) primary key,   -- as connectors write Mention.space, e.g. x:@NordlysCare
    centre      varchar(64)  not null,
    network     varchar(32)  not null,
    name        varchar(200) not null,
    purpose     varchar(32)  not null,
    owner       varchar(200),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index space_centre on space (centre);

create table watchlist (
    id          varchar(64)  primary key,
    centre      varchar(64)  not null,
    name        varchar(200) not null,
    query       text         not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index watchlist_centre on watchlist (centre);
create index mention_recent on mention (accepted_at desc);
