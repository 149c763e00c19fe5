-- Issue 6: actionability, skills, SLA clocks, assignment, follow-the-sun hand-offs, and the decision outbox.

-- Arrival order: the order in which routing threaded the first message of each conversation.
create sequence conversation_arrival_seq;

alter table conversation
    alter column centre drop not null,
    add column arrival            bigint       not null default nextval('conversation_arrival_seq'),
    add column actionable         boolean      not null default true,
    add column home_centre        varchar(64),
    add column skills_wanted      varchar(500) not null default '',
    add column widened            boolean      not null default false,
    add column assigned_agent     varchar(200),
    add column queued_at          timestamptz,
    add column sla_due_at         timestamptz,
    add column resolution_due_at  timestamptz,
    add column escalation_level   int          not null default 0,
    add column escalated_at       timestamptz,
    add column lease_expires_at   timestamptz,
    add column last_message_at    timestamptz,
    add column version            bigint       not null default 0;

create index conversation_dispatch on conversation (centre, state, priority desc, arrival) where actionable;
create index conversation_agent on conversation (assigned_agent) where state = 'assigned';
create index conversation_sla on conversation (sla_due_at) where state in ('queued', 'assigned');

-- Agents as the workspace announces them on agents.presence (the latest status per agent).
create table agent (
    id            varchar(200) primary key,
    centre        varchar(64)  not null,
    status        varchar(16)  not null,
    languages     varchar(500) not null default '',
    skills        varchar(500) not null default '',
    capacity      int          not null,
    status_at     timestamptz  not null,
    idle_since    timestamptz  not null
);
create index agent_centre_status on agent (centre, status);

-- Every decision, in order; also the outbox of conversations.routed (published_at null until the broker acks).
create table routing_decision (
    id               bigserial    primary key,
    conversation_id  varchar(300) not null references conversation (id),
    payload          text         not null,
    created_at       timestamptz  not null,
    published_at     timestamptz
);
create index routing_decision_conversation on routing_decision (conversation_id, id);
create index routing_decision_unpublished on routing_decision (id) where published_at is null;

create index conversation_transition_conversation on conversation_transition (conversation_id, id);
