-- Agent actions: assignment, escalation, close with sentiment at start and end, transfers between centres.
alter table conversation
    add column assignee           varchar(200),
    add column transferred        boolean not null default false,
    add column product_line       varchar(64),
    add column escalated_to       varchar(32),
    add column escalation_context text,
    add column escalated_at       timestamptz,
    add column resolved_at        timestamptz,
    add column closed_at          timestamptz,
    add column closed_by          varchar(200),
    add column opening_sentiment  varchar(16),
    add column opening_score      double precision,
    add column closing_sentiment  varchar(16),
    add column closing_score      double precision,
    add column sentiment_delta    double precision,
    add column restated_publicly  boolean,
    add column sla_warned_at      timestamptz,
    add column first_message_at   timestamptz,
    -- When ConversationClosed reached the broker; null while it waits in the outbox.
    add column closed_published_at timestamptz;
create index conversation_space on conversation (centre, space);

-- Outbound replies live next to the customer's messages; an unpublished reply is the outbox (ADR 0050).
alter table message
    add column native_id        varchar(300),
    add column in_reply_to      varchar(300),
    add column space            varchar(300),
    add column agent_id         varchar(200),
    add column expert           boolean not null default false,
    add column review_status    varchar(16),
    add column delivery_status  varchar(16),
    add column delivery_reason  text,
    add column network_post_id  varchar(300),
    add column delivered_at     timestamptz,
    add column published_at     timestamptz,
    add column accepted         boolean not null default false,
    add column hidden           boolean not null default false;
create index message_unpublished on message (created_at) where direction = 'outbound' and published_at is null
    and delivery_status = 'pending';

create table note (
    id               bigserial primary key,
    conversation_id  varchar(300) not null references conversation (id),
    author           varchar(200) not null,
    text             text         not null,
    created_at       timestamptz  not null
);
create index note_conversation on note (conversation_id, created_at);

create table conversation_label (
    id               bigserial primary key,
    conversation_id  varchar(300) not null references conversation (id),
    label            varchar(64)  not null,
    unique (conversation_id, label)
);

-- Every action of an agent, supervisor or expert; never updated, never deleted.
create table audit_log (
    id               bigserial primary key,
    at               timestamptz  not null,
    actor            varchar(200) not null,
    centre           varchar(64),
    action           varchar(40)  not null,
    conversation_id  varchar(300),
    detail           text,
    override         boolean      not null default false
);
create index audit_conversation on audit_log (conversation_id, at);
create index audit_centre on audit_log (centre, at desc);

create table canned_reply (
    id               bigserial primary key,
    centre           varchar(64),
    language         varchar(8)   not null,
    title            varchar(120) not null,
    body             text         not null
);

-- Scoped rights a supervisor grants a community expert on one brand space of the centre.
create table expert_grant (
    id               bigserial primary key,
    expert           varchar(200) not null,
    centre           varchar(64)  not null,
    space            varchar(300) not null,
    rights           varchar(100) not null,
    granted_by       varchar(200) not null,
    granted_at       timestamptz  not null,
    revoked_by       varchar(200),
    revoked_at       timestamptz
);
create index expert_grant_active on expert_grant (expert, centre, space) where revoked_at is null;

create table agent_presence (
    agent_id         varchar(200) primary key,
    centre           varchar(64)  not null,
    status           varchar(16)  not null,
    languages        varchar(200),
    skills           varchar(300),
    capacity         int          not null,
    at               timestamptz  not null
);

-- Canned replies shared by every centre; {customer}, {product} and {agent} are filled in per conversation.
insert into canned_reply (centre, language, title, body) values
 (null, 'en', 'Which version', 'Hi {customer}, sorry to hear that! Which version of {product} are you on? We are here to help.'),
 (null, 'en', 'Fixed, thanks', 'Great news {customer}, glad your {product} works again! Thanks for letting us know, {agent}'),
 (null, 'fr', 'Quelle version', 'Bonjour {customer}, désolés pour ce souci ! Quelle version de {product} avez-vous ? Nous sommes là pour vous aider.'),
 (null, 'fr', 'Résolu, merci', 'Super nouvelle {customer}, ravis que votre {product} fonctionne de nouveau ! Merci pour votre retour, {agent}'),
 (null, 'de', 'Welche Version', 'Hallo {customer}, das tut uns leid! Welche Version von {product} ist installiert? Wir helfen gerne.'),
 (null, 'es', 'Qué versión', 'Hola {customer}, ¡lo sentimos! ¿Qué versión de {product} tienes? Estamos aquí para ayudarte.'),
 (null, 'pt', 'Qual versão', 'Olá {customer}, lamentamos o problema! Qual versão do {product} você tem? Vamos ajudar.'),
 (null, 'it', 'Quale versione', 'Ciao {customer}, ci dispiace! Quale versione di {product} è installata? Siamo qui per aiutarti.'),
 (null, 'nl', 'Welke versie', 'Hallo {customer}, wat vervelend! Welke versie van {product} heb je? Wij helpen graag.'),
 (null, 'sk', 'Aká verzia', 'Dobrý deň {customer}, je nám to ľúto! Akú verziu {product} máte? Radi vám pomôžeme.');
