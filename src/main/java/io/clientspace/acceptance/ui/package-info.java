/** The acceptance screens on documents: the dialog section that sends and tracks acceptances, and list badges. */
package io.clientspace.acceptance.ui;
