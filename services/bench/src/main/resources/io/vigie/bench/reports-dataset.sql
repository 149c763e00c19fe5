-- The stored state of the centres service after :mentions mentions heard over :days days ending at :end, written in
-- bulk with the same tables, keys and bucket rules as MetricsWriter (volume, terms, spaces, questions per minute
-- and per hour; one conversation fact per thread; replies and receipts; the mention ledger). Deterministic: every
-- value derives from the mention's number through hashint8. Statements are separated by lines holding only ';'.
set work_mem = '256MB'
;
set maintenance_work_mem = '512MB'
;
set synchronous_commit = off
;
truncate mention_seen, volume_bucket, volume_rollup, term_bucket, term_day, term_span, term_hour_span, space_bucket, question_bucket, conversation_fact, reply_fact,
    conversation_day, conversation_time_day, conversation_hour, conversation_time_hour, backlog_count, reply_day, reply_hour,
    incident, agent_presence
;
drop table if exists bench_m
;
create unlogged table bench_m as
with h as (
    select i, hashint8(i::bigint) & 2147483647 h1, hashint8(i::bigint + 7919000003) & 2147483647 h2,
           hashint8(i::bigint * 31 + 17) & 2147483647 h3
    from generate_series(1, :mentions) i
), d as (
    select i, h1, h2, h3,
           (array['x','x','x','x','x','facebook','facebook','community','community','linkedin','rss'])[1 + h1 % 11] network,
           (array['en','en','en','en','en','en','en','en','en','en','fr','fr','de','de','es','pt','pt','it','nl','sk'])[1 + (h1 / 11) % 20] language,
           (array['technical_support','technical_support','technical_support','purchase','configuration','billing_delivery',
                  'praise','complaint','complaint','suggestion','security_incident','other','other'])[1 + (h1 / 220) % 13] topic,
           (array['laptops','laptops','gaming','os','security','', '', 'business'])[1 + (h1 / 2860) % 8] product_line,
           (h2 % 100) sp,
           ((h2 / 100) % 1000) / 1000.0 u
    from h
)
select i, network, language, topic, product_line,
       timestamptz :'end' - make_interval(secs => (:days * 86400.0) * (1 - (i - 1)::float8 / :mentions)) created_at,
       case when sp < 25 then 'positive' when sp < 60 then 'negative' else 'neutral' end sentiment,
       case when sp < 25 then 0.2 + 0.8 * u when sp < 60 then -0.2 - 0.8 * u else 0.3 * u - 0.15 end score,
       case language when 'en' then (case when h3 % 2 = 0 then 'austin' else 'montpellier' end)
                     when 'fr' then 'montpellier' when 'it' then 'montpellier'
                     when 'de' then 'bratislava' when 'nl' then 'bratislava' when 'sk' then 'bratislava'
                     else 'sao-paulo' end centre,
       case when h3 % 10 < 3 then null
            when network = 'x' then 'x:@NordlysCare' || (case language when 'en' then '' when 'pt' then '_BR' else '_' || upper(language) end)
            when network = 'facebook' then 'facebook:nordlys' || (case language when 'en' then '' else '.' || language end)
            when network = 'community' then 'community:board-' || (array['gaming','laptops','nordos','security','business'])[1 + (h3 / 10) % 5]
            when network = 'linkedin' then 'linkedin:nordlys-business' else 'rss:techblogs' end space,
       -- 60 % of the posts start a thread; a reply joins a thread started up to 2,000 posts earlier
       case when h3 % 100 < 60 or i <= 2000 then i else i - 1 - (h3 / 100) % 2000 end thread,
       h2 % 100 < 18 as question,
       (array['My Nordlys Aero 14 will not boot since the BIOS update, any fix?',
              'Mon Nordlys ne démarre plus depuis la mise à jour de NordOS 12',
              'Mein Laptop startet nicht mehr nach dem ShieldPro Update',
              'Love the new Forge keyboard, best purchase this year',
              'Where is my order? Paid two weeks ago and still nothing',
              'O teclado do meu Vega parou de funcionar depois da atualização',
              'Il mio Slate si surriscalda quando gioco, è normale?',
              '@NordlysCare the fan never stops spinning even when idle #techsupport',
              'Is the Aero 16 worth it for video editing or should I wait for the next one?',
              'Phishing mail pretending to be Nordlys support, be careful everyone'])[1 + h3 % 10] text,
       h1, h2, h3
from d
;
insert into mention_seen (source, mention_key, created_at, text)
select 'scored', network || ':' || i, created_at, text from bench_m
;
insert into mention_seen (source, mention_key, created_at, text)
select 'routed', network || ':' || i, created_at, text from bench_m
;
-- The rollup triggers (which gather a statement's rows in memory) are off for the bulk load; the rollup is then written in bulk, as the
-- service's migration V7 backfills it.
alter table volume_bucket disable trigger user
;
insert into volume_bucket (granularity, bucket, centre, network, language, topic, product_line, mentions, positive, negative, score_sum)
select g.name, date_trunc(g.unit, created_at), c.centre, network, language, topic, product_line, count(*),
       count(*) filter (where sentiment = 'positive'), count(*) filter (where sentiment = 'negative'), sum(score)
from bench_m cross join (values ('minute', 'minute'), ('hour', 'hour')) g(name, unit)
     cross join lateral (values ('*'), (bench_m.centre)) c(centre)
group by 1, 2, 3, 4, 5, 6, 7
;
alter table volume_bucket enable trigger user
;
insert into volume_rollup (granularity, bucket, centre, dimension, key, mentions, positive, negative, score_sum)
select granularity, bucket, centre, d.dimension, d.key, sum(mentions), sum(positive), sum(negative), sum(score_sum)
from volume_bucket
     cross join lateral (values ('', ''), ('network', network), ('language', language), ('topic', topic),
                                ('product_line', product_line)) d(dimension, key)
group by 1, 2, 3, 4, 5
;
-- The day rows of the rollup (service migration V14, ADR 0121), as its trigger adds them with each hour row.
insert into volume_rollup (granularity, bucket, centre, dimension, key, mentions, positive, negative, score_sum)
select 'day', date_trunc('day', bucket, 'UTC'), centre, dimension, key, sum(mentions), sum(positive), sum(negative),
       sum(score_sum)
from volume_rollup where granularity = 'hour'
group by 2, 3, 4, 5
;
-- The same for the per-day term rollup (service migration V9, ADR 0101).
alter table term_bucket disable trigger user
;
insert into term_bucket (granularity, bucket, term, mentions)
select g.name, date_trunc(g.unit, created_at), t.term, count(*)
from bench_m cross join (values ('minute', 'minute'), ('hour', 'hour')) g(name, unit)
     cross join lateral (select distinct 'term' || floor(power(((hashint8(bench_m.i::bigint * 4 + k) & 2147483647) % 10000) / 10000.0, 3) * 3000)::int term
                         from generate_series(0, 3) k) t
group by 1, 2, 3
;
alter table term_bucket enable trigger user
;
alter table term_day disable trigger user
;
insert into term_day (day, term, mentions)
select date_trunc('day', bucket, 'UTC'), term, sum(mentions) from term_bucket where granularity = 'hour' group by 1, 2
;
alter table term_day enable trigger user
;
-- The term spans of 2 to 64 days (service migrations V14 and V21, ADR 0121).
insert into term_span (days, start, term, mentions)
select k, term_span_start(day, k), term, sum(mentions) from term_day cross join unnest(array[2, 4, 8, 16, 32, 64]) k
group by 1, 2, 3
;
-- The term spans of 4 and 12 hours (service migration V18), by the migration's own function.
select term_hour_spans_rebuild()
;
-- Every loaded hour and day is in its rollups: the seals (migrations V25 and V27, ADRs 0133 and 0138) move past them, so
-- the service's sealer does not add them a second time.
update term_hour_sealed set sealed_until = greatest(sealed_until,
    (select max(bucket) + interval '1 hour' from term_bucket where granularity = 'hour'))
;
update term_span_sealed set sealed_until = greatest(sealed_until, (select max(day) + interval '1 day' from term_day))
;
alter table space_bucket disable trigger user
;
insert into space_bucket (granularity, bucket, space, network, mentions, positive, negative, score_sum)
select g.name, date_trunc(g.unit, created_at), space, min(network), count(*),
       count(*) filter (where sentiment = 'positive'), count(*) filter (where sentiment = 'negative'), sum(score)
from bench_m cross join (values ('minute', 'minute'), ('hour', 'hour')) g(name, unit)
where space is not null
group by 1, 2, 3
;
alter table space_bucket enable trigger user
;
-- The day rollup's statement triggers (V20) are off for the bulk load; it is then rebuilt, as the migration backfills it.
alter table question_bucket disable trigger user
;
insert into question_bucket (bucket, product_line, topic, signature, mentions, example)
select date_trunc('hour', created_at), product_line, topic,
       'term' || (h1 % 40) || ' term' || (h2 % 40 + 40) || ' term' || (h3 % 40 + 80), count(*), min(text)
from bench_m where question
group by 1, 2, 3, 4
;
alter table question_bucket enable trigger user
;
select question_days_rebuild()
;
-- The conversation and reply rollups' triggers (migrations V11-V13, ADRs 0110-0112) are off for the bulk load; the
-- rollups are then written in bulk, as the migrations backfill them.
alter table conversation_fact disable trigger user
;
alter table reply_fact disable trigger user
;
insert into conversation_fact (id, centre, network, language, topic, queue, state, first_message_at, sla_due_at,
    routed_at, first_response_at, replies, closed_at, sentiment_delta, restated, space)
select network || ':' || i, centre, network, language, topic,
       case when topic = 'security_incident' then 'crisis' when product_line = 'gaming' then 'gaming' else 'general' end,
       case when h2 % 10 < 5 then 'closed' when h2 % 10 < 7 then 'waiting_customer' when h2 % 10 < 8 then 'assigned'
            else 'queued' end,
       created_at, created_at + interval '1 hour', created_at + interval '150 milliseconds',
       case when h2 % 10 < 8 then created_at + make_interval(secs => 60 + (h3 % 7200)) end,
       case when h2 % 10 < 8 then 1 else 0 end,
       case when h2 % 10 < 5 then created_at + make_interval(secs => 600 + (h3 % 86400)) end,
       case when h2 % 10 < 5 then ((h1 % 200) - 60) / 100.0 end,
       case when h2 % 10 < 5 then h3 % 3 = 0 end,
       space
from bench_m where thread = i
;
insert into reply_fact (reply_id, conversation_id, centre, network, created_at, status, status_at, counted)
select 'reply-' || i, network || ':' || i, centre, network, created_at + make_interval(secs => 60 + (h3 % 7200)),
       case when h1 % 50 = 0 then 'failed' else 'delivered' end, created_at + make_interval(secs => 61 + (h3 % 7200)), true
from bench_m where thread = i and h2 % 10 < 8
;
alter table conversation_fact enable trigger user
;
alter table reply_fact enable trigger user
;
-- The conversation and reply rollups, per day and per hour, by the service's own rules (migration V15).
select conversation_rollups_rebuild()
;
-- The day rows of space_bucket and the spaces' conversation rollups (service migration V19), by its own function.
select space_rollups_rebuild()
;
insert into backlog_count (centre, queue, waiting)
select centre, coalesce(queue, ''), count(*) from conversation_fact
where first_response_at is null and state in ('new', 'queued', 'assigned') and centre is not null
group by 1, 2
;
insert into incident (id, status, subject_kind, subject, centre, language, network, severity, started_at, observed,
    expected, top_terms, sample_mentions, emitted_at)
select 'inc-' || n, case when n % 5 = 0 then 'open' else 'resolved' end, 'term', 'term' || n, null, 'en', 'x', 'high',
       timestamptz :'end' - make_interval(days => n), 120, 12, 'term1' || chr(10) || 'term2', 'x:' || (n * 1000),
       timestamptz :'end' - make_interval(days => n) + interval '10 minutes'
from generate_series(1, 50) n
;
insert into agent_presence (agent_id, centre, status, capacity, at)
select 'agent-' || n, (array['austin','bratislava','sao-paulo','montpellier'])[1 + n % 4],
       case when n % 3 = 0 then 'offline' else 'online' end, 5, timestamptz :'end'
from generate_series(1, 50) n
;
drop table bench_m
;
-- Vacuumed as well as analysed, as autovacuum leaves tables in service: the visibility map lets the covering indexes
-- (the busiest question clusters of V20, the term rollups) answer from the index alone.
vacuum analyze
