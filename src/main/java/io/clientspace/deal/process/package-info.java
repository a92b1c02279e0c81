/** The deal-stages process: its contract constants and thin delegates. */
package io.clientspace.deal.process;
