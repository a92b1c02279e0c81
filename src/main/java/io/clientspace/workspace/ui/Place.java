package io.clientspace.workspace.ui;

import io.clientspace.project.WorkScope;

/** The workspace a tab belongs to: a client, or one of its projects, with the name to show in dialogs. */
record Place(WorkScope scope, String name) {
}
