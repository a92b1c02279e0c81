package io.clientspace.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.shared.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client form tells a user about their input; the same rules guard the service. */
class ClientRulesTests {

    private static ClientDraft validCompany() {
        ClientDraft d = new ClientDraft();
        d.setKind(ClientKind.COMPANY);
        d.setName("Acme GmbH");
        d.setOwner("jonas");
        d.setEmail("info@acme.example.com");
        d.setPhone("+49 30 1234567");
        d.setWebsite("acme.example.com");
        d.setCity("Berlin");
        d.setTags(List.of("key account"));
        return d;
    }

    private static ClientDraft validContact() {
        ClientDraft d = validCompany();
        d.setKind(ClientKind.CONTACT);
        d.setName("Jane Doe");
        d.setWebsite(null);
        d.setCompanyId(UUID.randomUUID());
        d.setJobTitle("Buyer");
        return d;
    }

    private static List<FieldProblem> check(ClientDraft d) {
        return ClientRules.check(d);
    }

    @Test
    void aCompleteCompanyAndAContactOfACompanyHaveNoProblems() {
        assertThat(check(validCompany())).isEmpty();
        assertThat(check(validContact())).isEmpty();
    }

    @Test
    void aCompanyWithoutANameIsAskedForTheCompanysName() {
        ClientDraft d = validCompany();
        d.setName("   ");
        assertThat(check(d)).containsExactly(FieldProblem.of("name", "client.error.company-name-required"));
    }

    @Test
    void aContactWithoutANameIsAskedForTheFullName() {
        ClientDraft d = validContact();
        d.setName(null);
        assertThat(check(d)).containsExactly(FieldProblem.of("name", "client.error.contact-name-required"));
    }

    @Test
    void kindAndOwnerAreRequired() {
        ClientDraft d = validCompany();
        d.setKind(null);
        d.setOwner(" ");
        assertThat(check(d)).extracting(FieldProblem::field, FieldProblem::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple("kind", "client.error.kind-required"),
                        org.assertj.core.groups.Tuple.tuple("owner", "client.error.owner-required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com", "jane.doe+crm@mail.example.co.uk", "  jane@example.com  "})
    void validEmailAddressesPass(String email) {
        ClientDraft d = validCompany();
        d.setEmail(email);
        assertThat(check(d)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@example", "jane@@example.com", "jane doe@example.com", "jane@example.c"})
    void anInvalidEmailIsRefusedAndTheMessageRepeatsWhatWasTyped(String email) {
        ClientDraft d = validCompany();
        d.setEmail(email);
        assertThat(check(d)).containsExactly(FieldProblem.of("email", "client.error.email", email.strip()));
    }

    @Test
    void theEmailMessageShowsTheTrimmedValue() {
        ClientDraft d = validCompany();
        d.setEmail("  not-an-address ");
        assertThat(check(d)).containsExactly(FieldProblem.of("email", "client.error.email", "not-an-address"));
    }

    @Test
    void anEmailLongerThan254CharactersIsRefused() {
        ClientDraft d = validCompany();
        String email = "a".repeat(ClientRules.EMAIL_MAX - "@example.com".length() + 1) + "@example.com";
        d.setEmail(email);
        assertThat(check(d)).containsExactly(FieldProblem.of("email", "client.error.email", email));
    }

    @Test
    void theEmailAndThePhoneAreOptional() {
        ClientDraft d = validCompany();
        d.setEmail(null);
        d.setPhone(null);
        assertThat(check(d)).isEmpty();
        d.setEmail("  ");
        d.setPhone(" ");
        assertThat(check(d)).isEmpty();
    }

    @Test
    void anEmailOfExactly254CharactersPasses() {
        ClientDraft d = validCompany();
        d.setEmail("a".repeat(ClientRules.EMAIL_MAX - "@example.com".length()) + "@example.com");
        assertThat(check(d)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 30 1234567", "(030) 123-45/67", "030.1234567", "12345"})
    void phoneNumbersAsPeopleWriteThemPass(String phone) {
        ClientDraft d = validCompany();
        d.setPhone(phone);
        assertThat(check(d)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "1234", "+49 30 123456x", "0049-30-1234567-0049-30-1234567-0", "++49 30 1234"})
    void aPhoneNumberWithLettersOrOfTheWrongLengthIsRefused(String phone) {
        ClientDraft d = validCompany();
        d.setPhone(phone);
        assertThat(check(d)).containsExactly(FieldProblem.of("phone", "client.error.phone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "www.example.com", "https://example.com/about", "http://example.com",
            "HTTPS://Example.com"})
    void webAddressesWithOrWithoutSchemePass(String website) {
        ClientDraft d = validCompany();
        d.setWebsite(website);
        assertThat(check(d)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://example.com", "localhost", "https://", "javascript:alert(1)"})
    void anythingThatIsNotAnHttpWebAddressIsRefused(String website) {
        ClientDraft d = validCompany();
        d.setWebsite(website);
        assertThat(check(d)).containsExactly(FieldProblem.of("website", "client.error.website"));
    }

    @Test
    void aWebsiteMustFitAsStoredWithTheSchemeItGets() {
        ClientDraft d = validCompany();
        String host = "a".repeat(240) + ".example.com"; // 252 characters, 260 with https://
        d.setWebsite(host);
        assertThat(check(d)).containsExactly(FieldProblem.of("website", "validation.too-long", 247));
        d.setWebsite("https://" + "a".repeat(235) + ".example.com"); // exactly 255
        assertThat(check(d)).isEmpty();
        assertThat(ClientRules.normalizeWebsite(" example.com ")).isEqualTo("https://example.com");
    }

    /** The form says "a web address such as example.com"; an e-mail address there is a mistake, not a site. */
    @ParameterizedTest
    @ValueSource(strings = {"info@example.com", "mailto:info@example.com", "https://user:secret@example.com"})
    void anEmailAddressOrCredentialsInTheWebsiteFieldAreRefused(String website) {
        ClientDraft d = validCompany();
        d.setWebsite(website);
        assertThat(check(d)).as("website %s would be saved as a link with user info", website).containsExactly(FieldProblem.of("website", "client.error.website"));
    }

    @Test
    void tagsAreTrimmedDeduplicatedIgnoringCaseAndSorted() {
        List<String> typed = Arrays.asList(" retainer ", "Retainer", "key account", "", null, "  ", "Alpha", "RETAINER");
        assertThat(ClientRules.normalizeTags(typed)).containsExactly("Alpha", "key account", "retainer");
        assertThat(ClientRules.normalizeTags(null)).isEmpty();
    }

    @Test
    void fifteenTagsAreAllowedButNotSixteen() {
        ClientDraft d = validCompany();
        d.setTags(tags(ClientRules.TAGS_MAX));
        assertThat(check(d)).isEmpty();

        d.setTags(tags(ClientRules.TAGS_MAX + 1));
        assertThat(check(d)).containsExactly(
                FieldProblem.of("tags", "client.error.too-many-tags", ClientRules.TAGS_MAX));
    }

    @Test
    void duplicatesDoNotCountTowardsTheTagLimit() {
        ClientDraft d = validCompany();
        List<String> tags = new ArrayList<>(tags(ClientRules.TAGS_MAX));
        tags.add(tags.get(0).toUpperCase());
        d.setTags(tags);
        assertThat(check(d)).isEmpty();
    }

    @Test
    void aTagOfThirtyCharactersPassesAndOneOfThirtyOneIsNamedInTheMessage() {
        ClientDraft d = validCompany();
        d.setTags(List.of("x".repeat(ClientRules.TAG_MAX)));
        assertThat(check(d)).isEmpty();

        String tooLong = "y".repeat(ClientRules.TAG_MAX + 1);
        d.setTags(List.of("ok", tooLong));
        assertThat(check(d)).containsExactly(FieldProblem.of("tags", "client.error.tag", tooLong, ClientRules.TAG_MAX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vip!", "#vip", "-leading-dash", "a/b", "semi;colon", "<b>"})
    void aTagWithCharactersOutsideLettersDigitsSpacesAndAmpersandDotUnderscoreDashIsRefused(String tag) {
        ClientDraft d = validCompany();
        d.setTags(List.of(tag));
        assertThat(check(d)).containsExactly(FieldProblem.of("tags", "client.error.tag", tag, ClientRules.TAG_MAX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"R&D", "B2B_sales-team.eu", "key account", "ключевой клиент", "Großkunde"})
    void tagsInAnyAlphabetWithTheAllowedPunctuationPass(String tag) {
        ClientDraft d = validCompany();
        d.setTags(List.of(tag));
        assertThat(check(d)).isEmpty();
    }

    @Test
    void aCompanyCannotBelongToAnotherCompany() {
        ClientDraft d = validCompany();
        d.setCompanyId(UUID.randomUUID());
        assertThat(check(d)).containsExactly(FieldProblem.of("companyId", "client.error.company-on-company"));
    }

    static Stream<Arguments> limitedFields() {
        return Stream.of(
                limit("name", ClientDraft::setName, ClientRules.NAME_MAX),
                limit("legalName", ClientDraft::setLegalName, ClientRules.NAME_MAX),
                limit("registrationNumber", ClientDraft::setRegistrationNumber, 64),
                limit("vatId", ClientDraft::setVatId, 64),
                limit("industry", ClientDraft::setIndustry, ClientRules.SHORT_MAX),
                limit("jobTitle", ClientDraft::setJobTitle, ClientRules.SHORT_MAX),
                limit("street", ClientDraft::setStreet, ClientRules.NAME_MAX),
                limit("postalCode", ClientDraft::setPostalCode, 20),
                limit("city", ClientDraft::setCity, ClientRules.SHORT_MAX),
                limit("country", ClientDraft::setCountry, ClientRules.SHORT_MAX),
                limit("notes", ClientDraft::setNotes, ClientRules.NOTES_MAX));
    }

    private static Arguments limit(String field, BiConsumer<ClientDraft, String> setter, int max) {
        return Arguments.of(field, setter, max);
    }

    @ParameterizedTest(name = "{0} takes at most {2} characters")
    @MethodSource("limitedFields")
    void textFieldsHaveAMaximumLengthThatTheMessageStates(String field, BiConsumer<ClientDraft, String> setter,
                                                          int max) {
        ClientDraft d = validCompany();
        setter.accept(d, "a".repeat(max));
        assertThat(check(d)).as("exactly %d characters in %s", max, field).isEmpty();

        // Surrounding blanks are trimmed before counting
        setter.accept(d, "  " + "a".repeat(max) + "  ");
        assertThat(check(d)).as("%d characters plus blanks in %s", max, field).isEmpty();

        setter.accept(d, "a".repeat(max + 1));
        assertThat(check(d)).containsExactly(FieldProblem.of(field, "validation.too-long", max));
    }

    @Test
    void everyProblemIsReportedAtOnceInFormOrder() {
        ClientDraft d = new ClientDraft();
        d.setKind(ClientKind.COMPANY);
        d.setWebsite("not a url");
        d.setEmail("nope");
        d.setPhone("call me");
        d.setCompanyId(UUID.randomUUID());
        assertThat(check(d)).extracting(FieldProblem::field)
                .containsExactly("name", "website", "owner", "email", "phone", "companyId");
    }

    private static List<String> tags(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "tag " + i).toList();
    }
}
