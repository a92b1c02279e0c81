package io.clientspace.document;

import io.clientspace.client.ClientService;
import io.clientspace.document.domain.DocumentRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents on a client, visible to whoever may see the client. */
@Service
public class DocumentService {

    private final DocumentRepository documents;
    private final ClientService clients;

    DocumentService(DocumentRepository documents, ClientService clients) {
        this.documents = documents;
        this.clients = clients;
    }

    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        clients.requireAccess(clientId);
        return documents.countByClientId(clientId);
    }

    @Transactional(readOnly = true)
    public List<ClientDocument> forClient(UUID clientId) {
        clients.requireAccess(clientId);
        return documents.findByClientIdOrderByUpdatedAtDesc(clientId).stream()
                .map(d -> new ClientDocument(d.getId(), d.getTitle(), d.getType(), d.getStatus(), d.getUpdatedAt()))
                .toList();
    }
}
