/** The Comments tab on a project workspace. */
package io.clientspace.conversation.ui;
