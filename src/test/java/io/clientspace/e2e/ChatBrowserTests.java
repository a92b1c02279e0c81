package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.clientspace.client.ClientService;
import io.clientspace.conversation.ChatDraft;
import io.clientspace.conversation.ChatService;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.portal.PortalTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chat end to end through the real Keycloak: two colleagues write to each other live in a project's internal
 * channel, a portal contact and a manager in the project's client channel, and bad input is refused with its reason
 * while the typed text stays.
 */
class ChatBrowserTests extends BrowserTest {

    @Autowired
    PortalTestData data;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    ClientService clients;
    @Autowired
    PortalIdentities identities;
    @Autowired
    ChatService chat;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    PortalTestData.World world;

    @BeforeEach
    void aSharedProject() {
        world = data.world("c" + UUID.randomUUID().toString().substring(0, 6), null, null, null);
    }

    /** Signs in on the project's page and opens its Chat tab. */
    void openProjectChat(String username) {
        signIn("/client-projects/" + world.project().id(), username, username);
        page.locator("#tab-chat").click();
        assertThat(page.locator("#chat-panel")).isVisible();
    }

    @Test
    void twoColleaguesChatLive() {
        openProjectChat("manager");
        assertThat(page.locator("#chat-channel-internal")).isVisible();
        Page manager = page;
        try (BrowserContext other = browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900))) {
            watchPolicy(other);
            page = other.newPage();
            openProjectChat("jonas");
            Page jonas = page;
            assertThat(jonas.locator("#chat-list")).containsText("No messages yet");

            manager.locator("#chat-text textarea").fill("@jonas **Kick-off** is tomorrow at 10");
            manager.locator("#chat-send").click();
            // no reload: the message reaches the other browser through NOTIFY and push
            assertThat(jonas.locator("#chat-list strong")).hasText("Kick-off");
            assertThat(jonas.locator("#chat-list .mentions-me")).hasCount(1);
            screenshot("chat-live-jonas");

            jonas.locator("#chat-list .chat-reply").first().click();
            assertThat(jonas.locator("#chat-reply-bar")).isVisible();
            jonas.locator("#chat-text textarea").fill("I will bring the brief.");
            jonas.locator("#chat-send").click();
            assertThat(manager.locator("#chat-list")).containsText("I will bring the brief.");
            assertThat(manager.locator("#chat-list .chat-quote")).containsText("Kick-off");
            page = manager;
            screenshot("chat-live-manager");

            // the author edits within the window; the other side sees "edited"
            manager.locator("#chat-list .chat-message.mine .chat-edit").first().click();
            manager.locator(".chat-editor textarea").fill("@jonas **Kick-off** is tomorrow at 11");
            manager.locator(".chat-save").click();
            assertThat(jonas.locator("#chat-list")).containsText("tomorrow at 11");
            assertThat(jonas.locator("#chat-list .chat-edited")).hasCount(1);
            page = jonas;
            screenshot("chat-live-edited");
            page = manager;
        }
    }

    @Test
    void aPortalContactAndAManagerWriteInTheProjectsClientChannel() {
        String customer = identities.create("Clara", "Chat");
        asManager(() -> externalAccess.grantExisting(world.client().id(), customer));
        UUID projectChannel = asManager(() -> chat.channels(world.project().scope())).get(1).id();
        asManager(() -> chat.post(projectChannel, ChatDraft.text("Welcome to the project channel")));
        openProjectChat("manager");
        page.locator("#chat-channel-client").click();
        Page manager = page;
        try (BrowserContext portal = browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900))) {
            watchPolicy(portal);
            page = portal.newPage();
            signIn("/portal/messages", customer, PortalIdentities.PASSWORD);
            Page contact = page;
            assertThat(contact.locator("#portal-message-channels")).containsText("General");
            assertThat(contact.locator("#portal-message-channels")).containsText(world.project().name());
            contact.locator("#portal-message-channels vaadin-tab", new Page.LocatorOptions()
                    .setHasText(world.project().name())).click();
            // the project's channel has replaced the General one once the team's welcome shows
            assertThat(contact.locator("#chat-list")).containsText("Welcome to the project channel");
            contact.locator("#chat-text textarea").fill("When can we see the *first draft*?");
            contact.locator("#chat-send").click();
            assertThat(contact.locator("#chat-list em")).hasText("first draft");
            screenshot("chat-portal-contact-wrote");
            page = manager;
            screenshot("chat-portal-manager-waiting");
            page = contact;
            assertThat(manager.locator("#chat-list em")).hasText("first draft");
            manager.locator("#chat-text textarea").fill("On Friday, with the [plan](https://example.org/plan).");
            manager.locator("#chat-send").click();
            assertThat(contact.locator("#chat-list a[href='https://example.org/plan']")).hasText("plan");
            screenshot("chat-portal-contact");
            // the internal channel is nowhere in the portal
            assertThat(contact.locator("#portal-messages")).not().containsText("Internal");
            page = manager;
            screenshot("chat-portal-manager");
        }
    }

    @Test
    void aPortalContactAttachesAFileBothSidesOpenAndAProgramIsRefusedWithTheTextKept() throws Exception {
        String customer = identities.create("Paula", "Upload");
        asManager(() -> externalAccess.grantExisting(world.client().id(), customer));
        UUID projectChannel = asManager(() -> chat.channels(world.project().scope())).get(1).id();
        openProjectChat("manager");
        page.locator("#chat-channel-client").click();
        Page manager = page;
        try (BrowserContext portal = browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900))) {
            watchPolicy(portal);
            page = portal.newPage();
            signIn("/portal/messages/" + projectChannel, customer, PortalIdentities.PASSWORD);
            Page contact = page;
            assertThat(contact.locator("#chat-upload")).isVisible();

            Path brief = Files.write(dir.resolve("site-brief.pdf"), io.clientspace.support.TestFiles.pdf("brief"));
            contact.locator("#chat-upload input[type=file]").setInputFiles(brief);
            assertThat(contact.locator("#chat-pending")).containsText("site-brief.pdf");
            contact.locator("#chat-text textarea").fill("Our brief for the site");
            contact.locator("#chat-send").click();
            assertThat(contact.locator("#chat-list .chat-attachment")).hasText("site-brief.pdf");
            assertThat(contact.locator("#chat-upload vaadin-upload-file")).hasCount(0);
            // the team sees it live, and both sides open it through a short-lived storage link
            assertThat(manager.locator("#chat-list .chat-attachment")).hasText("site-brief.pdf");
            // the link opens in a new window that the browser turns into a download: watch the requests it makes
            var portalRequests = new java.util.concurrent.CopyOnWriteArrayList<String>();
            portal.onRequest(r -> portalRequests.add(r.url()));
            contact.locator("#chat-list .chat-attachment").click();
            contact.waitForCondition(() -> portalRequests.stream().anyMatch(u -> u.contains("X-Amz-Signature")));
            var staffRequests = new java.util.concurrent.CopyOnWriteArrayList<String>();
            manager.context().onRequest(r -> staffRequests.add(r.url()));
            manager.locator("#chat-list .chat-attachment").click();
            manager.waitForCondition(() -> staffRequests.stream().anyMatch(u -> u.contains("X-Amz-Signature")));
            screenshot("chat-portal-attachment");

            Path program = Files.write(dir.resolve("photo.png"), "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
            contact.locator("#chat-upload input[type=file]").setInputFiles(program);
            assertThat(contact.locator("#chat-pending")).containsText("photo.png");
            contact.locator("#chat-text textarea").fill("And the photo");
            contact.locator("#chat-send").click();
            assertThat(contact.locator("#chat-text")).containsText("is a program or script");
            assertThat(contact.locator("#chat-text textarea")).hasValue("And the photo");
            assertThat(contact.locator("#chat-list .chat-message")).hasCount(1);
            screenshot("chat-portal-attachment-refused");
            page = manager;
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select count(*) from chat_message where channel_id = ?", Long.class, projectChannel)).isEqualTo(1);
    }

    @Test
    void searchMarksTheMatchAndJumpsToAnOldMessageInRussian() {
        UUID internal = asManager(() -> chat.channels(world.project().scope())).get(0).id();
        // 700 messages, the one we look for among the first: further back than a jump loads page by page
        jdbc.update("""
                insert into chat_message (id, channel_id, author_kind, author, author_name, body, created_at)
                select gen_random_uuid(), ?, 'STAFF', 'jonas', 'Jonas Weber',
                  case when n = 5 then 'Готова смета по этапу 2, проверьте цифры' else 'Сообщение ' || n end,
                  now() - (800 - n) * interval '1 minute'
                from generate_series(1, 700) n""", internal);
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setLocale("ru-RU").setViewportSize(1440, 900));
        watchPolicy(context);
        page = context.newPage();
        openProjectChat("manager");
        assertThat(page.locator("#chat-list")).containsText("Сообщение 700");

        page.locator("#chat-search input").fill("смета");
        assertThat(page.locator("#chat-search-results .chat-hit")).hasCount(1);
        assertThat(page.locator("#chat-search-results mark")).hasText("смета");
        assertThat(page.locator("#chat-search-summary")).containsText("смета");
        screenshot("chat-search-ru");

        page.locator("#chat-search-results .chat-hit-show").click();
        assertThat(page.locator("#chat-list .chat-jumped")).containsText("Готова смета по этапу 2");
        assertThat(page.locator("#chat-search input")).hasValue("");
        assertThat(page.locator("#chat-jump-latest")).isVisible();
        screenshot("chat-search-jumped-ru");
        page.locator("#chat-jump-latest").click();
        assertThat(page.locator("#chat-list")).containsText("Сообщение 700");
        assertThat(page.locator("#chat-jump-latest")).isHidden();

        page.locator("#chat-search input").fill("нет такого слова");
        assertThat(page.locator("#chat-search-results .state-empty")).isVisible();
        assertThat(page.locator("#chat-search-results .chat-hit")).hasCount(0);
        screenshot("chat-search-empty-ru");
        page.locator("#chat-search-clear").click();
        assertThat(page.locator("#chat-list")).isVisible();
    }

    @Test
    void searchJumpsToAMessageAFewPagesBackByLoadingOlderPages() {
        UUID internal = asManager(() -> chat.channels(world.project().scope())).get(0).id();
        jdbc.update("""
                insert into chat_message (id, channel_id, author_kind, author, author_name, body, created_at)
                select gen_random_uuid(), ?, 'STAFF', 'jonas', 'Jonas Weber',
                  case when n = 20 then 'The **budget** needs sign-off' else 'Update ' || n end,
                  now() - (200 - n) * interval '1 minute'
                from generate_series(1, 160) n""", internal);
        openProjectChat("manager");
        page.locator("#chat-search input").fill("BUDGET");
        assertThat(page.locator("#chat-search-results mark")).hasText("budget");
        page.locator("#chat-search-results .chat-hit-show").first().click();
        assertThat(page.locator("#chat-list .chat-jumped")).containsText("needs sign-off");
        // loaded page by page: the newest are still there below it, so no way back is needed
        assertThat(page.locator("#chat-list")).containsText("Update 160");
        assertThat(page.locator("#chat-jump-latest")).hasCount(0);
        screenshot("chat-search-jumped");
    }

    @Test
    void badInputKeepsTheTextAndSaysWhy() throws Exception {
        openProjectChat("manager");
        page.locator("#chat-send").click();
        assertThat(page.locator("#chat-text")).hasAttribute("invalid", "");
        assertThat(page.locator("#chat-text")).containsText("Write a message first.");

        String tooLong = "x".repeat(4001);
        page.locator("#chat-text textarea").fill(tooLong);
        assertThat(page.locator("#chat-text")).containsText("4,001 of 4,000 characters");
        page.locator("#chat-send").click();
        assertThat(page.locator("#chat-text")).containsText("Use at most 4,000 characters");
        assertThat(page.locator("#chat-text textarea")).hasValue(tooLong);

        page.locator("#chat-text textarea").fill("@member please check the numbers");
        page.locator("#chat-send").click();
        assertThat(page.locator("#chat-text")).containsText("cannot open this workspace");
        assertThat(page.locator("#chat-text textarea")).hasValue("@member please check the numbers");
        screenshot("chat-bad-mention");

        Path program = Files.write(dir.resolve("report.pdf"), "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        page.locator("#chat-upload input[type=file]").setInputFiles(program);
        assertThat(page.locator("#chat-pending")).containsText("report.pdf");
        page.locator("#chat-text textarea").fill("The report");
        page.locator("#chat-send").click();
        assertThat(page.locator("#chat-text")).containsText("is a program or script");
        assertThat(page.locator("#chat-text textarea")).hasValue("The report");
        assertThat(page.locator("#chat-list")).containsText("No messages yet");
        screenshot("chat-bad-attachment");

        var client = asManager(() -> clients.get(world.client().id()));
        asManager(() -> clients.archive(client.id(), client.version(), "finished"));
        page.locator("#chat-text textarea").fill("Anyone still here?");
        page.locator("#chat-send").click();
        assertThat(page.locator("#chat-text")).containsText("archived");
        assertThat(page.locator("#chat-text textarea")).hasValue("Anyone still here?");
        screenshot("chat-archived");
    }
}
