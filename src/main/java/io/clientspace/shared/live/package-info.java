/** Changes that every app node hears, through PostgreSQL LISTEN/NOTIFY. */
package io.clientspace.shared.live;
