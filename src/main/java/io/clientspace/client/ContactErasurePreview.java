package io.clientspace.client;

import java.util.List;

/**
 * What erasing a contact person will do, for the dialog the user confirms: the personal fields that will be blanked
 * (their names, as translation keys of the form's labels, for the fields that hold something) and what other modules
 * will erase or keep.
 */
public record ContactErasurePreview(Client contact, List<String> blankedFields, List<ArchiveConsequence> consequences) {

    public ContactErasurePreview {
        blankedFields = List.copyOf(blankedFields);
        consequences = List.copyOf(consequences);
    }
}
