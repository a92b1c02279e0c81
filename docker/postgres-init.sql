-- Runs once, when the postgres container initialises an empty data volume
-- (docker-entrypoint-initdb.d), as POSTGRES_USER. Keycloak gets its own
-- database next to the application's; without an OWNER clause it is owned by
-- the user running this script, i.e. the clientspace user.
CREATE DATABASE keycloak;
