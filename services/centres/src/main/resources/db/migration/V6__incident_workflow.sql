-- Alerts now carry the incident's revision, its workflow (what supervisors did), how many mentions it grouped and
-- the subjects that surged with it. The wall hides closed incidents; the latest revision wins.
alter table incident add column revision int not null default 0;
alter table incident add column workflow varchar(16) not null default 'new';
alter table incident add column mentions bigint not null default 0;
alter table incident add column related text;
