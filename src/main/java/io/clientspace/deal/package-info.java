/** Deals and the deal-stages process that moves them from New to Won or Lost. */
package io.clientspace.deal;
