-- Runs once, when the postgres container initialises an empty data volume
-- (docker-entrypoint-initdb.d), as POSTGRES_USER, through psql, which reads the
-- password from the container's environment (\getenv, psql 15+), so no secret is
-- written in this file. docker-compose.yml refuses to start without KEYCLOAK_DB_PASSWORD.
--
-- Keycloak gets its own role and database: a leak of Keycloak's database
-- password exposes neither the app's data nor its role, and the reverse holds too.
\set ON_ERROR_STOP on
\getenv keycloak_password KEYCLOAK_DB_PASSWORD
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
-- Only each database's owner (and the superuser) may connect to it
REVOKE CONNECT, TEMPORARY ON DATABASE keycloak FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE clientspace FROM PUBLIC;
