/** Document acceptances and their evidence as stored; internal to the acceptance module. */
package io.clientspace.acceptance.domain;
