/** Thin delegates and listeners that mirror the engine's user tasks into our task table. */
@org.springframework.modulith.NamedInterface("process")
package io.clientspace.task.process;
