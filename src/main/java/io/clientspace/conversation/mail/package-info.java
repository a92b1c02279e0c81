/**
 * The workspace mail's internals: the address format, reading MIME, sanitising HTML, the IMAP mailbox and its lease.
 * Only the conversation module uses these; other modules go through {@link io.clientspace.conversation.MailService}.
 */
package io.clientspace.conversation.mail;
