/** The Requests tab on a project and its dialogs: write, send, review and cancel information requests. */
package io.clientspace.inforequest.ui;
