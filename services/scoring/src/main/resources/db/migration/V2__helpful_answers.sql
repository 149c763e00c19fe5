-- Helpful answers an author gave to other people's threads: the base of expert ("rock star") detection.
alter table author_stats add column helpful_answers bigint not null default 0;
