-- Chat (issue 13): every client workspace and every project has an internal channel (staff who may open it) and a
-- client channel (shared with the client's active portal contacts; a project's only while the project is shared).
-- Channels are made on first use; the two partial unique indexes keep two nodes that race from making two.
create table chat_channel (
    id         uuid primary key,
    client_id  uuid       not null references client (id),
    project_id uuid                references client_project (id),
    kind       varchar(8) not null check (kind in ('INTERNAL', 'CLIENT')),
    created_at timestamp with time zone not null
);
create unique index chat_channel_client_uq on chat_channel (client_id, kind) where project_id is null;
create unique index chat_channel_project_uq on chat_channel (project_id, kind) where project_id is not null;

-- seq orders a channel's messages for keyset pagination: (channel_id, seq) answers "the 50 before this one" from
-- the index alone, however long the channel is
create table chat_message (
    id          uuid primary key,
    channel_id  uuid          not null references chat_channel (id),
    seq         bigint        generated always as identity,
    author_kind varchar(8)    not null check (author_kind in ('STAFF', 'CUSTOMER')),
    author      varchar(254)  not null,
    author_name varchar(200)  not null,
    body        varchar(4000),
    reply_to    uuid references chat_message (id),
    created_at  timestamp with time zone not null,
    edited_at   timestamp with time zone,
    deleted_at  timestamp with time zone,
    check (body is not null or deleted_at is not null)
);
create unique index chat_message_channel_seq_uq on chat_message (channel_id, seq);

-- files attached to a message; the file itself is the workspace's (file module), this only links it
create table chat_attachment (
    message_id uuid         not null references chat_message (id),
    file_id    uuid         not null,
    name       varchar(255) not null,
    primary key (message_id, file_id)
);

-- how far each reader has read a channel: unread = messages after last_seq by others
create table chat_read (
    channel_id  uuid         not null references chat_channel (id),
    reader_kind varchar(8)   not null check (reader_kind in ('STAFF', 'CUSTOMER')),
    reader      varchar(254) not null,
    last_seq    bigint       not null,
    primary key (channel_id, reader_kind, reader)
);

-- @mentions: the in-app list of a colleague's mentions, and when they were last mailed about a channel (at most once
-- per 10 minutes per channel)
create table chat_mention (
    message_id uuid         not null references chat_message (id),
    username   varchar(254) not null,
    seen       boolean      not null default false,
    primary key (message_id, username)
);
create index chat_mention_unseen_idx on chat_mention (username) where not seen;
create table chat_mention_mail (
    channel_id uuid         not null references chat_channel (id),
    username   varchar(254) not null,
    mailed_at  timestamp with time zone not null,
    primary key (channel_id, username)
);

-- The project comment thread becomes the project's client channel: one channel per project that has comments, its
-- rows in their order (the ids stay, so the timeline's links to them still hold)
insert into chat_channel (id, client_id, project_id, kind, created_at)
select gen_random_uuid(), c.client_id, c.project_id, 'CLIENT', min(c.created_at)
from portal_comment c
group by c.client_id, c.project_id;

insert into chat_message (id, channel_id, author_kind, author, author_name, body, created_at)
select c.id, ch.id, c.author_kind, c.author, c.author_name, c.body, c.created_at
from portal_comment c
join chat_channel ch on ch.project_id = c.project_id and ch.kind = 'CLIENT'
order by c.created_at, c.id;

drop table portal_comment;
