/** Client projects: one line of work for a client, with its own work group, and who may open which workspace. */
package io.clientspace.project;
