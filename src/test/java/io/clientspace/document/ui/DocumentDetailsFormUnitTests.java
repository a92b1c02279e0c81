package io.clientspace.document.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentStatus;
import io.clientspace.document.DocumentType;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rename/retype form on its own: the service is a fake, the components are real. */
class DocumentDetailsFormUnitTests {

    final UUID id = UUID.randomUUID();
    DocumentService documents = mock(DocumentService.class);
    List<ClientDocument> saved = new ArrayList<>();
    DocumentDetailsForm form;

    @BeforeEach
    void form() {
        UI.setCurrent(new UI());
        form = new DocumentDetailsForm(document("Draft agreement", DocumentType.OTHER, 3), documents, saved::add);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void savesTitleAndTypeWithTheVersionTheUserSaw() {
        ClientDocument after = document("Service agreement", DocumentType.CONTRACT, 4);
        when(documents.update(id, "Service agreement", DocumentType.CONTRACT, 3)).thenReturn(after);
        form.title.setValue("Service agreement");
        form.type.setValue(DocumentType.CONTRACT);

        form.save();

        assertThat(saved).containsExactly(after);
        assertThat(form.message.isVisible()).isFalse();
    }

    @Test
    void aRefusedTitleShowsOnItsFieldAndKeepsWhatWasTyped() {
        when(documents.update(any(), any(), any(), anyLong())).thenThrow(new InvalidInputException(
                List.of(FieldProblem.of("title", "document.error.title-required"))));
        form.title.setValue("   ");
        form.type.setValue(DocumentType.ACT);

        form.save();

        assertThat(form.title.isInvalid()).isTrue();
        assertThat(form.title.getValue()).isEqualTo("   ");
        assertThat(form.type.getValue()).isEqualTo(DocumentType.ACT);
        assertThat(saved).isEmpty();
    }

    @Test
    void aStaleVersionIsRefusedWithAMessageTheTextStaysAndASecondSaveUsesTheNewVersion() {
        when(documents.update(id, "My title", DocumentType.INVOICE, 3)).thenThrow(new StaleDataException("Document"));
        when(documents.get(id)).thenReturn(document("Their title", DocumentType.ACT, 5));
        form.title.setValue("My title");
        form.type.setValue(DocumentType.INVOICE);

        form.save();

        assertThat(form.message.isVisible()).isTrue();
        assertThat(form.message.getText()).contains("document.error.stale-details");
        assertThat(form.title.getValue()).isEqualTo("My title");
        assertThat(form.type.getValue()).isEqualTo(DocumentType.INVOICE);
        assertThat(saved).isEmpty();

        when(documents.update(id, "My title", DocumentType.INVOICE, 5))
                .thenReturn(document("My title", DocumentType.INVOICE, 6));
        form.save();
        verify(documents).update(eq(id), eq("My title"), eq(DocumentType.INVOICE), eq(5L));
        assertThat(saved).hasSize(1);
    }

    private ClientDocument document(String title, DocumentType type, long version) {
        return new ClientDocument(id, UUID.randomUUID(), null, title, type, DocumentStatus.DRAFT, 0, 1,
                "Maria Keller", Instant.now(), false, version, null, null);
    }
}
