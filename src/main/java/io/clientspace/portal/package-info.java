/** The customer portal UI; it reads only what the access policy exposes to the signed-in customer. */
package io.clientspace.portal;
