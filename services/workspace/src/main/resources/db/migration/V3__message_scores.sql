-- What scoring found out about each customer message, shown in the conversation detail.
alter table message
    add column topic      varchar(64),
    add column urgency    double precision,
    add column influence  double precision,
    add column segment    varchar(32),
    add column spam       boolean,
    add column signals    varchar(500);
