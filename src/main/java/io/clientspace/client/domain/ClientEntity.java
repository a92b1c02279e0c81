package io.clientspace.client.domain;

import io.clientspace.client.ClientKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.OptimisticLock;

@Entity
@Table(name = "client")
@BatchSize(size = 100)
public class ClientEntity {
    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private ClientKind kind;
    private String name;
    private String legalName;
    private String registrationNumber;
    private String vatId;
    private String industry;
    private String website;
    private String jobTitle;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    private ClientEntity company;
    private String owner;
    private String email;
    private String phone;
    private String street;
    private String postalCode;
    private String city;
    private String country;
    private String notes;
    @ElementCollection
    @CollectionTable(name = "client_tag", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    // every edit also sets updatedAt, which bumps the version; the collection itself must not bump it a second time
    @OptimisticLock(excluded = true)
    private Set<String> tags = new LinkedHashSet<>();
    private Instant createdAt;
    private Instant updatedAt;
    private Instant archivedAt;
    private String archivedBy;
    private Instant erasedAt;
    private String erasedBy;
    @Version
    private Long version;

    protected ClientEntity() {
    }

    public ClientEntity(UUID id, ClientKind kind, Instant now) {
        this.id = id;
        this.kind = kind;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public ClientKind getKind() { return kind; }
    public void setKind(ClientKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLegalName() { return legalName; }
    public void setLegalName(String legalName) { this.legalName = legalName; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String v) { this.registrationNumber = v; }
    public String getVatId() { return vatId; }
    public void setVatId(String vatId) { this.vatId = vatId; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public ClientEntity getCompany() { return company; }
    public void setCompany(ClientEntity company) { this.company = company; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getStreet() { return street; }
    public void setStreet(String street) { this.street = street; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Set<String> getTags() { return tags; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public long getVersion() { return version == null ? 0 : version; }
    public Instant getArchivedAt() { return archivedAt; }
    public String getArchivedBy() { return archivedBy; }

    public Instant getErasedAt() { return erasedAt; }

    /**
     * Blanks every personal field of a contact person on their request: name (to the placeholder), job title, contact
     * details, address, notes and tags. Kind, owner, company link and dates stay, so the records that hang off the
     * contact still have their client.
     */
    public void erase(String placeholderName, String by, Instant now) {
        this.name = placeholderName;
        this.legalName = null;
        this.registrationNumber = null;
        this.vatId = null;
        this.industry = null;
        this.website = null;
        this.jobTitle = null;
        this.email = null;
        this.phone = null;
        this.street = null;
        this.postalCode = null;
        this.city = null;
        this.country = null;
        this.notes = null;
        this.tags.clear();
        this.erasedAt = now;
        this.erasedBy = by;
        this.updatedAt = now;
    }

    /** Archives the client, or brings it back with both null. */
    public void setArchived(String by, Instant when) {
        this.archivedBy = by;
        this.archivedAt = when;
    }
}
