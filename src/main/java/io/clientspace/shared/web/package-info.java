/** Error pages for requests that never reach a Vaadin view. */
package io.clientspace.shared.web;
