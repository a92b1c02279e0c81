/** Simple PDF sheets (a title, facts, paragraphs) for documents the app renders itself: proposals, evidence. */
package io.clientspace.shared.pdf;
