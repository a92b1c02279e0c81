-- Files a client request was raised with (DD031). The files are the workspace's own (stored_file, in the request's
-- place: its project, or the client); this table says which request carries them, so that the request's page shows
-- them on both sides and the portal serves a file only through a request of the customer's own.
create table client_request_attachment (
    request_id uuid         not null references client_request (id) on delete cascade,
    file_id    uuid         not null references stored_file (id),
    name       varchar(255) not null,
    primary key (request_id, file_id)
);
create index client_request_attachment_file_idx on client_request_attachment (file_id);
