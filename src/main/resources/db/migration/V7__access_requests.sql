-- Someone asked the owner for access to a client; one request per person and client a day reaches the owner
create table access_request (
    client_id    uuid         not null references client (id),
    requester    varchar(100) not null,
    requested_at timestamp with time zone not null,
    primary key (client_id, requester)
);
