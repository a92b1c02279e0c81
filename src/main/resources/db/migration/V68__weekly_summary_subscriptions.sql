-- Managers who want the Monday-morning summary (issue 16, DD036). last_sent_on is the day it last went out: each
-- node's scheduler claims a recipient by moving it forward in one statement, so a cluster sends each mail once.
create table weekly_summary_subscription (
    username      varchar(100) primary key,
    subscribed_at timestamp with time zone not null,
    last_sent_on  date
);
