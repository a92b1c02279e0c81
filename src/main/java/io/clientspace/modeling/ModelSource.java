package io.clientspace.modeling;

/** Where a version came from: the build's processes/ folder, or the app (editor, upload, settings, rollback). */
public enum ModelSource {
    BUILD, APP
}
