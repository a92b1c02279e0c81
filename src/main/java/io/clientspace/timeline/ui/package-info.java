/** The Activity tab: a client's or project's timeline, newest first, a page at a time. */
package io.clientspace.timeline.ui;
