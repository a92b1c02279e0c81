/** The client workspace: the header and the tabs with their counters, put together from the other modules. */
package io.clientspace.workspace;
