/** Companies and contacts as stored, with their repository; internal to the client module. */
package io.clientspace.client.domain;
