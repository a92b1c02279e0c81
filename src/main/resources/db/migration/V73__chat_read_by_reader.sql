-- The side menu's "Chats" counter finds a colleague's read marks by reader (ChatService.unreadInMyChannels); the
-- primary key starts with the channel, so without this the count would read every read mark of the firm.
create index chat_read_by_reader on chat_read (reader_kind, reader);
