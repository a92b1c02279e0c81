/** Plain HTTP endpoints of the portal: short-lived, recorded downloads. */
package io.clientspace.portal.web;
