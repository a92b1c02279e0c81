/** Client requests' tables: requests, their messages and history, attachments and the per-year counter. */
package io.clientspace.request.domain;
