package io.clientspace.request.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a request's history or conversation. */
@Entity
@Table(name = "client_request_entry")
public class ClientRequestEntryEntity {
    @Id
    private UUID id;
    private UUID requestId;
    private Instant at;
    private String kind;
    private boolean byCustomer;
    private String actor;
    private String body;
    private String detail;
    private boolean visibleToClient;

    protected ClientRequestEntryEntity() {
    }

    public ClientRequestEntryEntity(UUID requestId, Instant at, String kind, boolean byCustomer, String actor,
                                    String body, String detail, boolean visibleToClient) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.at = at;
        this.kind = kind;
        this.byCustomer = byCustomer;
        this.actor = actor;
        this.body = body;
        this.detail = detail;
        this.visibleToClient = visibleToClient;
    }

    public UUID getId() { return id; }
    public UUID getRequestId() { return requestId; }
    public Instant getAt() { return at; }
    public String getKind() { return kind; }
    public boolean isByCustomer() { return byCustomer; }
    public String getActor() { return actor; }
    public String getBody() { return body; }
    public String getDetail() { return detail; }
    public boolean isVisibleToClient() { return visibleToClient; }
}
