/** The client workspace shell: the header, the checklist and the live counters around the tabs the modules contribute. */
package io.clientspace.workspace;
