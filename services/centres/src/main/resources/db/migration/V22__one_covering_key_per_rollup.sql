-- term_bucket and volume_rollup each had two B-trees on the same key: the primary key, and V10's covering copy of
-- it that includes the sums for the report's index-only scans. Every upsert of a row that already exists changed an
-- included column, so it was never a HOT update and wrote a new entry into both: make bench's pg_stat_statements
-- figures (2026-12-07) put the term_bucket upsert, with the rollup triggers it fires, at about half of PostgreSQL's
-- statement time, and pg_stat_user_tables showed 0 HOT updates of either table. The primary key itself now carries
-- the sums (as term_span's and term_hour_span's do since V14 and V18): one entry per update instead of two, the same
-- index-only scans. Rebuilding the key locks the table for the time of the build, once.
drop index if exists term_bucket_sums;
alter table term_bucket drop constraint term_bucket_pkey;
alter table term_bucket add primary key (granularity, bucket, term) include (mentions);

drop index if exists volume_rollup_sums;
alter table volume_rollup drop constraint volume_rollup_pkey;
alter table volume_rollup add primary key (granularity, centre, dimension, bucket, key)
    include (mentions, positive, negative, score_sum);
