/** The workspace tab kit: the tab base class, the contribution point modules implement, and the tab strip. */
package io.clientspace.shared.ui.tabs;
