/** Stored files and their repository; internal to the file module. */
package io.clientspace.file.domain;
