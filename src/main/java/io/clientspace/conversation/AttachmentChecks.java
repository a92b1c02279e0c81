package io.clientspace.conversation;

import io.clientspace.file.FileService;
import io.clientspace.file.FileTypes;
import io.clientspace.shared.FieldProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The file module's upload rules (size, type from the bytes, no programs) applied to a message's attachments before
 * anything is stored, so that a chat message or a mail reply is refused whole, with the typed text kept.
 */
final class AttachmentChecks {

    private AttachmentChecks() {
    }

    static List<FieldProblem> check(FileService files, Collection<ChatDraft.Upload> uploads) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ChatDraft.Upload upload : uploads) {
            String name = upload.originalName() == null ? "" : upload.originalName();
            try {
                long size = Files.size(upload.content());
                if (size > files.maxSizeBytes()) {
                    problems.add(FieldProblem.of("attachment", "file.error.too-big", name,
                            files.maxSizeBytes() / (1024 * 1024)));
                    continue;
                }
                String type = FileTypes.detect(upload.content(), name);
                if (FileTypes.isProgram(type)) {
                    problems.add(FieldProblem.of("attachment", "file.error.program", name));
                } else if (!FileTypes.isAllowed(type)) {
                    problems.add(FieldProblem.of("attachment", "file.error.type", name, type));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the uploaded file", e);
            }
        }
        return problems;
    }
}
