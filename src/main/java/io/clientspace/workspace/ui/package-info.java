/** The two workspace shells (client and project), the checklist and the attention list. */
package io.clientspace.workspace.ui;
