package io.clientspace.project;

/**
 * How to name and link the place a piece of work lives in, for lists that span clients. {@code label} is the
 * client's name, followed by the project's when there is one; {@code path} opens the workspace the viewer may open.
 */
public record PlaceRef(String clientName, String projectName, String path) {

    public String label() {
        return projectName == null ? clientName : clientName + " · " + projectName;
    }
}
