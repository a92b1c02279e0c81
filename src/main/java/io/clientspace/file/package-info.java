/** Object storage and the files kept on a client. */
package io.clientspace.file;
