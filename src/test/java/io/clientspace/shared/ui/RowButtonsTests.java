package io.clientspace.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.junit.jupiter.api.Test;

/** A grid row's native buttons and icons: what a screen reader, the keyboard and the shared tooltip get from them. */
class RowButtonsTests {

    @Test
    void aButtonIsTheBrowsersOwnButtonWithItsClassIconLabelAndClick() {
        assertThat(RowButtons.button("move-deal", VaadinIcon.ARROW_RIGHT, "Move on", "move")).isEqualTo(
                "<button type=\"button\" class=\"row-button move-deal\" @click=\"${move}\">"
                        + "<svg class=\"inline-icon\" viewBox=\"0 0 16 16\" focusable=\"false\" aria-hidden=\"true\">"
                        + "<path d=\"M8.6 3.5l3.5 3.5h-12.1v2h12.1l-3.5 3.5 1.4 1.4 6-5.9-6-5.9z\"></path></svg>"
                        + "<span>Move on</span></button>");
    }

    @Test
    void anIconOnlyButtonIsNamedForScreenReadersAndForTheSharedTooltip() {
        String button = RowButtons.iconButton("edit-deal", VaadinIcon.EDIT, "Deal bearbeiten", "edit");

        assertThat(button).startsWith("<button type=\"button\" class=\"row-button icon-only edit-deal\""
                + " aria-label=\"Deal bearbeiten\" data-tooltip=\"Deal bearbeiten\" @click=\"${edit}\">");
        assertThat(button).contains("aria-hidden=\"true\"").endsWith("</svg></button>");
    }

    @Test
    void aLabelCannotAddMarkupOrOpenAnExpression() {
        String hostile = "Edit\" onclick=\"alert(1)\" ${item.secret}<img src=x>";

        String button = RowButtons.iconButton("edit-deal", VaadinIcon.EDIT, hostile, "edit");
        String labelled = RowButtons.button("move-deal", VaadinIcon.ARROW_RIGHT, hostile, "move");

        assertThat(button).doesNotContain("onclick=\"", "${item", "<img");
        assertThat(labelled).doesNotContain("onclick=\"", "${item", "<img");
    }

    @Test
    void anIconIsHiddenFromScreenReadersUnlessItStandsAloneAndSaysWhy() {
        assertThat(RowButtons.icon(VaadinIcon.HOURGLASS, null)).contains("aria-hidden=\"true\"")
                .doesNotContain("role=");
        assertThat(RowButtons.labelledIcon(VaadinIcon.LOCK, "deal-owner-only unavailable-icon", "item.ownerOnly"))
                .startsWith("<svg class=\"inline-icon deal-owner-only unavailable-icon\" viewBox=\"0 0 16 16\""
                        + " focusable=\"false\" role=\"img\" aria-label=\"${item.ownerOnly}\""
                        + " data-tooltip=\"${item.ownerOnly}\">")
                .doesNotContain("aria-hidden");
    }

    @Test
    void everyDrawingIsOnePathOnVaadinIconsSixteenGrid() {
        assertThat(RowButtons.icons()).isNotEmpty();
        for (VaadinIcon icon : RowButtons.icons()) {
            String svg = RowButtons.icon(icon, null);
            String path = svg.substring(svg.indexOf(" d=\"") + 4, svg.indexOf("\"></path>"));
            assertThat(path).as(icon.name()).startsWith("M").endsWith("z").matches("[MmLlHhVvCcSsZz0-9 .\\-]+");
        }
    }

    @Test
    void anIconWithoutADrawingIsRefusedRatherThanDrawnEmpty() {
        assertThatThrownBy(() -> RowButtons.icon(VaadinIcon.AIRPLANE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AIRPLANE");
    }
}
