/** Deals as stored, with their repository; internal to the deal module. */
package io.clientspace.deal.domain;
