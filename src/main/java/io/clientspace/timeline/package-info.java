/** The activity timeline of clients (and later projects): who did what and when, built from module events. */
package io.clientspace.timeline;
