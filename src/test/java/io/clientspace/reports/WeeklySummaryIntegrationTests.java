package io.clientspace.reports;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.devservices.DevServices;
import io.clientspace.people.FirmModuleService;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleOffException;
import io.clientspace.support.Actors;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The weekly summary for the clients one person owns: two open EUR deals (1,000 and 500) and one USD deal (2,000),
 * one deal won three days ago; one overdue task nobody has taken and one due tomorrow; one client request past its
 * SLA and still open, one breached but closed. It renders in English, German and Russian, and a subscriber gets it
 * once a day however often the job runs.
 */
@ClientspaceIntegrationTest
class WeeklySummaryIntegrationTests {

    static final Locale RU = Locale.forLanguageTag("ru");

    @Autowired
    WeeklySummaryService weekly;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    StaffDirectory staff;
    @Autowired
    FirmModuleService modules;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String owner = "weekly-" + tag;
    final UUID client = UUID.randomUUID();
    LocalDate today;

    @BeforeEach
    void data() {
        today = LocalDate.now(clock);
        jdbc.update("insert into client (id, kind, name, owner, created_at, updated_at) values (?, 'COMPANY', ?, ?,"
                + " now(), now())", client, "Weekly " + tag, owner);
        deal("One", "1000", "EUR", null);
        deal("Two", "500", "EUR", null);
        deal("Three", "2000", "USD", null);
        deal("Four", "700", "EUR", Timestamp.from(Instant.now().minus(Duration.ofDays(3))));
        task("File the tax return", today.minusDays(1));
        task("Call back", today.plusDays(1));
        request(1, "Server down", "IN_PROGRESS");
        request(2, "Old question", "CLOSED");
    }

    @AfterEach
    void clean() {
        jdbc.update("delete from weekly_summary_subscription where username in ('manager', 'member')");
        jdbc.update("delete from firm_module_override");
        modules.forgetCache();
        jdbc.update("delete from client_request where client_id = ?", client);
        jdbc.update("delete from work_task where client_id = ?", client);
        jdbc.update("delete from deal where client_id = ?", client);
        jdbc.update("delete from client where id = ?", client);
    }

    @Test
    void rendersInEnglish() {
        WeeklySummaryService.Summary mail = weekly.render(owner, "Mia", Locale.ENGLISH, today);
        assertThat(mail.subject()).isEqualTo("Your week in Clientspace: " + day(Locale.ENGLISH));
        assertThat(mail.body()).startsWith("Hello Mia,\n").contains(
                "Pipeline\n--------\nOpen deals: 2, worth " + money(Locale.ENGLISH, "1500") + " EUR\nOpen deals: 1, worth "
                        + money(Locale.ENGLISH, "2000") + " USD\nLast 7 days: 1 won, 0 lost.",
                "Overdue tasks: 1\n- File the tax return (Weekly " + tag + "), due " + day(Locale.ENGLISH,
                        today.minusDays(1)) + ", Unassigned",
                "- Client request WS" + tag + "-1 \"Server down\" (Weekly " + tag + "): SLA breached")
                .doesNotContain("Call back", "Old question");
    }

    @Test
    void rendersInGerman() {
        WeeklySummaryService.Summary mail = weekly.render(owner, "Mia", Locale.GERMAN, today);
        assertThat(mail.subject()).isEqualTo("Ihre Woche in Clientspace: " + day(Locale.GERMAN));
        assertThat(mail.body()).startsWith("Hallo Mia,\n").contains(
                "Offene Deals: 2, im Wert von " + money(Locale.GERMAN, "1500") + " EUR",
                "Letzte 7 Tage: 1 gewonnen, 0 verloren.",
                "Überfällige Aufgaben: 1\n- File the tax return (Weekly " + tag + "), fällig "
                        + day(Locale.GERMAN, today.minusDays(1)) + ", Nicht zugewiesen",
                "Gefährdete Zusagen", "„Server down“", "SLA verletzt");
    }

    @Test
    void rendersInRussian() {
        WeeklySummaryService.Summary mail = weekly.render(owner, "Мия", RU, today);
        assertThat(mail.subject()).isEqualTo("Ваша неделя в Clientspace: " + day(RU));
        assertThat(mail.body()).startsWith("Здравствуйте, Мия!\n").contains(
                "Воронка", "Открытых сделок: 2, на сумму " + money(RU, "1500") + " EUR",
                "За 7 дней: выиграно 1, проиграно 0.",
                "Просроченных задач: 1\n- File the tax return (Weekly " + tag + "), срок "
                        + day(RU, today.minusDays(1)) + ", Не назначено",
                "Обещания под угрозой", "«Server down»", "SLA нарушен");
    }

    @Test
    void aManagerSubscribesAndGetsItOnceADayAMemberCannotSubscribe() throws Exception {
        assertThatThrownBy(() -> asMember(() -> weekly.subscribe(true))).isInstanceOf(NoAccessException.class);
        asManager(() -> weekly.subscribe(true));
        assertThat(asManager(() -> weekly.isSubscribed())).isTrue();
        String email = staff.find("manager").orElseThrow().email();
        int before = DevServices.mail().awaitMessages(email, 0, Duration.ZERO).size();

        assertThat(weekly.sendDue()).isEqualTo(1);
        List<MimeMessage> mails = DevServices.mail().awaitMessages(email, before + 1, Duration.ofSeconds(20));
        assertThat(mails.get(mails.size() - 1).getSubject()).contains("Clientspace");
        // the job runs again the same day (another node, the next hour): nothing more goes out
        assertThat(weekly.sendDue()).isZero();

        asManager(() -> weekly.subscribe(false));
        assertThat(asManager(() -> weekly.isSubscribed())).isFalse();
    }

    @Test
    void noSummaryGoesOutWhileTheFirmHasReportsSwitchedOffAndTheSubscriptionWaits() throws Exception {
        asManager(() -> weekly.subscribe(true));
        String email = staff.find("manager").orElseThrow().email();
        int before = DevServices.mail().awaitMessages(email, 0, Duration.ZERO).size();
        try {
            Actors.as("admin", () -> modules.switchModule(FirmModule.REPORTS, false), "ADMIN", "STAFF");
            assertThat(weekly.sendDue()).as("reports are off: nothing goes out").isZero();
            assertThatThrownBy(() -> asManager(() -> weekly.subscribe(false))).isInstanceOf(ModuleOffException.class);
            assertThat(asManager(() -> weekly.isSubscribed())).as("the subscription stays for when it returns").isTrue();
        } finally {
            Actors.as("admin", () -> modules.switchModule(FirmModule.REPORTS, true), "ADMIN", "STAFF");
        }
        assertThat(weekly.sendDue()).as("back on: the summary goes out that same day").isEqualTo(1);
        assertThat(DevServices.mail().awaitMessages(email, before + 1, Duration.ofSeconds(20))).hasSize(before + 1);
    }

    private String day(Locale locale) {
        return day(locale, today);
    }

    private static String day(Locale locale, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    private static String money(Locale locale, String amount) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(2);
        nf.setMaximumFractionDigits(2);
        return nf.format(new BigDecimal(amount));
    }

    private void deal(String title, String amount, String currency, Timestamp won) {
        Timestamp created = Timestamp.from(Instant.now().minus(Duration.ofDays(30)));
        jdbc.update("insert into deal (id, client_id, title, amount, currency, expected_close, owner, stage, created_at,"
                + " updated_at, stage_changed_at, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), client, title, new BigDecimal(amount), currency, today.plusMonths(2), owner,
                won == null ? "StageNew" : "WON", created, created, won == null ? created : won, won);
    }

    private void task(String title, LocalDate due) {
        jdbc.update("insert into work_task (id, client_id, title, due_date, source, created_at) values (?, ?, ?, ?,"
                + " 'AD_HOC', now())", UUID.randomUUID(), client, title, due);
    }

    private void request(int n, String subject, String state) {
        Timestamp raised = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
        jdbc.update("insert into client_request (id, client_id, number, category, subject, state, raised_by_staff,"
                + " raised_by_name, raised_at, priority, handling_group, response_breached_at, closed_at, closed_how)"
                + " values (?, ?, ?, 'GENERAL', ?, ?, 'manager', 'Manager', ?, 'P1', 'manager', ?, ?, ?)",
                UUID.randomUUID(), client, "WS" + tag + "-" + n, subject, state, raised, raised,
                "CLOSED".equals(state) ? raised : null, "CLOSED".equals(state) ? "CONFIRMED" : null);
    }
}
