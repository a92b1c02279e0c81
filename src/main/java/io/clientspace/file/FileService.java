package io.clientspace.file;

import io.clientspace.client.ClientService;
import io.clientspace.file.domain.StoredFileRepository;
import io.clientspace.security.StaffDirectory;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Files on a client, visible to whoever may see the client. */
@Service
public class FileService {

    private final StoredFileRepository files;
    private final ClientService clients;
    private final StaffDirectory staff;

    FileService(StoredFileRepository files, ClientService clients, StaffDirectory staff) {
        this.files = files;
        this.clients = clients;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        clients.requireAccess(clientId);
        return files.countActiveByClient(clientId);
    }

    @Transactional(readOnly = true)
    public List<StoredFile> forClient(UUID clientId) {
        clients.requireAccess(clientId);
        return files.activeByClient(clientId).stream()
                .map(f -> new StoredFile(f.getId(), f.getName(), f.getContentType(), f.getSizeBytes(),
                        staff.displayName(f.getUploadedBy()), f.getUploadedAt()))
                .toList();
    }
}
