/** Client projects and their work groups, with their repositories; internal to the project module. */
package io.clientspace.project.domain;
