package io.clientspace.file;

/** A presigned link (valid for at most 5 minutes) to something the portal shows, with the name to record it by. */
public record SharedDownload(String title, String link) {
}
