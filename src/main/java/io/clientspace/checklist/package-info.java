/** Required documents: the firm's catalogue, checklist templates by client kind or tag, and each workspace's list. */
package io.clientspace.checklist;
