/** Information requests and their items, with their repositories; internal to the module. */
package io.clientspace.inforequest.domain;
