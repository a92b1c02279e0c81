/** Thin delegates and listeners that mirror the engine's user tasks into our task table. */
package io.clientspace.task.process;
