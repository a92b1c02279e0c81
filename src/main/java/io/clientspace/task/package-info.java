/** Human tasks on clients: process tasks mirrored from the engine, counted from our own table. */
package io.clientspace.task;
