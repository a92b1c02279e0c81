-- Runs once, when the postgres container initialises an empty data volume
-- (docker-entrypoint-initdb.d), as the cluster's superuser, through psql, which reads the
-- passwords from the container's environment (\getenv, psql 15+), so no secret is written
-- in this file. docker-compose.yml refuses to start without them.
--
-- The app and Keycloak each get their own role, neither of them a superuser, and each owns
-- only its own database: the app can create its tables (Flyway, the Camunda schema) there
-- and nothing else; a leak of one password exposes neither the other's data nor the cluster.
\set ON_ERROR_STOP on
\getenv app_password DB_PASSWORD
\getenv keycloak_password KEYCLOAK_DB_PASSWORD
CREATE ROLE clientspace LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE DATABASE clientspace OWNER clientspace;
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE DATABASE keycloak OWNER keycloak;
-- Only each database's owner (and the superuser) may connect to it
REVOKE CONNECT, TEMPORARY ON DATABASE clientspace FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE keycloak FROM PUBLIC;
