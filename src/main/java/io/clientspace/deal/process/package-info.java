/** The deal-stages process: its contract constants and thin delegates. */
@org.springframework.modulith.NamedInterface("process")
package io.clientspace.deal.process;
