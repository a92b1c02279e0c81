/** Documents and their versions, with their repositories; internal to the document module. */
package io.clientspace.document.domain;
