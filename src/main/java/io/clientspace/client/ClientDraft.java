package io.clientspace.client;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a user types into the client form. Mutable so the form can bind to it; the service validates it with
 * {@link ClientRules} whatever the UI did. Strings may be null or blank; the service trims and stores blanks as null.
 */
public class ClientDraft {
    private ClientKind kind = ClientKind.COMPANY;
    private String name;
    private String legalName;
    private String registrationNumber;
    private String vatId;
    private String industry;
    private String website;
    private String jobTitle;
    private UUID companyId;
    private String owner;
    private String email;
    private String phone;
    private String street;
    private String postalCode;
    private String city;
    private String country;
    private List<String> tags = new ArrayList<>();
    private String notes;
    /** The version the user started editing; null for a new client. */
    private Long version;

    public static ClientDraft of(Client c) {
        ClientDraft d = new ClientDraft();
        d.kind = c.kind();
        d.name = c.name();
        d.legalName = c.legalName();
        d.registrationNumber = c.registrationNumber();
        d.vatId = c.vatId();
        d.industry = c.industry();
        d.website = c.website();
        d.jobTitle = c.jobTitle();
        d.companyId = c.companyId();
        d.owner = c.owner();
        d.email = c.email();
        d.phone = c.phone();
        d.street = c.street();
        d.postalCode = c.postalCode();
        d.city = c.city();
        d.country = c.country();
        d.tags = new ArrayList<>(c.tags());
        d.notes = c.notes();
        d.version = c.version();
        return d;
    }

    public ClientKind getKind() { return kind; }
    public void setKind(ClientKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLegalName() { return legalName; }
    public void setLegalName(String legalName) { this.legalName = legalName; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    public String getVatId() { return vatId; }
    public void setVatId(String vatId) { this.vatId = vatId; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public UUID getCompanyId() { return companyId; }
    public void setCompanyId(UUID companyId) { this.companyId = companyId; }
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
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags); }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
