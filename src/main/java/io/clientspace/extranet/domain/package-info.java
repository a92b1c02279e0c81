/** Portal accounts and their repository; internal to the extranet module. */
package io.clientspace.extranet.domain;
