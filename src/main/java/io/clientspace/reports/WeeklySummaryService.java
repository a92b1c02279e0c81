package io.clientspace.reports;

import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.ClientspaceProperties;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleGate;
import io.clientspace.shared.Modules;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly summary by e-mail (DD036): managers subscribe; on Monday morning, in the firm's time zone, each gets
 * the pipeline, the overdue work and the promises at risk (client requests past their SLA, acceptances due within
 * 48 hours) of the clients they own, in their own language. The text is plain, so every mail client shows it alike.
 */
@Service
public class WeeklySummaryService {

    private static final Logger log = LoggerFactory.getLogger(WeeklySummaryService.class);
    /** The longest list a section shows; the count above it says how many there are in all. */
    static final int LIST_LIMIT = 10;

    /** A rendered mail. */
    public record Summary(String subject, String body) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final Translations translations;
    private final JavaMailSender mail;
    private final ClientspaceProperties app;
    private final Clock clock;
    private final Modules modules;

    WeeklySummaryService(DataSource dataSource, CurrentUserProvider currentUser, StaffDirectory staff,
                         Translations translations, JavaMailSender mail, ClientspaceProperties app, Clock clock,
                         Modules modules) {
        this.modules = modules;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.currentUser = currentUser;
        this.staff = staff;
        this.translations = translations;
        this.mail = mail;
        this.app = app;
        this.clock = clock;
    }

    /** Whether the current user may subscribe: managers and admins. */
    public boolean mayCurrentUserSubscribe() {
        CurrentUser user = currentUser.require();
        return user.has(Roles.MANAGER) || user.has(Roles.ADMIN);
    }

    @Transactional(readOnly = true)
    public boolean isSubscribed() {
        Integer n = jdbc.queryForObject("select count(*) from weekly_summary_subscription where username = :u",
                new MapSqlParameterSource("u", currentUser.require().username()), Integer.class);
        return n != null && n > 0;
    }

    /** Switches the current user's summary on or off. @throws NoAccessException unless a manager or an admin */
    @Transactional
    @ModuleGate(FirmModule.REPORTS)
    public void subscribe(boolean on) {
        if (!mayCurrentUserSubscribe()) {
            throw new NoAccessException("The weekly summary is for managers", null);
        }
        MapSqlParameterSource p = new MapSqlParameterSource("u", currentUser.require().username())
                .addValue("at", Timestamp.from(clock.instant()));
        if (on) {
            jdbc.update("insert into weekly_summary_subscription (username, subscribed_at) values (:u, :at)"
                    + " on conflict (username) do nothing", p);
        } else {
            jdbc.update("delete from weekly_summary_subscription where username = :u", p);
        }
    }

    /**
     * Sends today's summary to every subscriber who has not had it today. Each recipient is claimed in one statement
     * before the mail goes out, so two nodes running the job send it once; a mail that fails is released again.
     *
     * @return how many mails went out
     */
    public int sendDue() {
        if (!modules.isOn(FirmModule.REPORTS)) {
            // a firm that switched reports off gets no summaries of them; subscriptions stay for when it returns
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        List<String> subscribers = jdbc.queryForList("select username from weekly_summary_subscription"
                + " where last_sent_on is null or last_sent_on < :today order by username",
                new MapSqlParameterSource("today", today), String.class);
        int sent = 0;
        for (String username : subscribers) {
            MapSqlParameterSource p = new MapSqlParameterSource("u", username).addValue("today", today);
            LocalDate before = jdbc.query("select last_sent_on from weekly_summary_subscription where username = :u",
                    p, rs -> rs.next() ? rs.getObject(1, LocalDate.class) : null);
            int claimed = jdbc.update("update weekly_summary_subscription set last_sent_on = :today"
                    + " where username = :u and (last_sent_on is null or last_sent_on < :today)", p);
            if (claimed == 0) {
                continue;
            }
            try {
                if (send(username, today)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Weekly summary for {} not sent; it is tried again on the next run", username, e);
                jdbc.update("update weekly_summary_subscription set last_sent_on = :before where username = :u",
                        p.addValue("before", before));
            }
        }
        return sent;
    }

    private boolean send(String username, LocalDate today) {
        StaffMember to = staff.find(username).orElse(null);
        if (to == null || to.email() == null || to.email().isBlank()) {
            log.warn("No weekly summary for {}: no e-mail address", username);
            return false;
        }
        Locale locale = staff.localeOf(username).map(Translations::supported).orElse(Locale.ENGLISH);
        Summary summary = render(username, to.displayName(), locale, today);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(app.mailFrom());
        message.setTo(to.email());
        message.setSubject(summary.subject());
        message.setText(summary.body());
        mail.send(message);
        return true;
    }

    /**
     * The summary for {@code username}'s clients (those they own) as of {@code today}, in {@code locale}.
     *
     * @param name how the mail greets them
     */
    @Transactional(readOnly = true)
    public Summary render(String username, String name, Locale locale, LocalDate today) {
        Locale lang = Translations.supported(locale);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang);
        OffsetDateTime now = OffsetDateTime.now(clock);
        MapSqlParameterSource p = new MapSqlParameterSource("u", username).addValue("today", today)
                .addValue("weekAgo", OffsetDateTime.from(today.minusDays(7).atStartOfDay(clock.getZone())))
                .addValue("now", now).addValue("soon", now.plusHours(48)).addValue("limit", LIST_LIMIT);
        List<String> lines = new ArrayList<>();
        lines.add(t(lang, "weekly.greeting", name));
        lines.add("");
        lines.add(t(lang, "weekly.intro", day.format(today)));

        lines.add("");
        lines.add(heading(t(lang, "weekly.pipeline")));
        List<String> pipeline = jdbc.query("select d.currency, count(*), sum(d.amount) from deal d join client c"
                + " on c.id = d.client_id where d.closed_at is null and c.owner = :u and c.archived_at is null"
                + " group by d.currency order by d.currency", p, (rs, n) -> t(lang, "weekly.pipeline.line",
                rs.getLong(2), money(lang, rs.getBigDecimal(3), rs.getString(1))));
        lines.addAll(pipeline.isEmpty() ? List.of(t(lang, "weekly.pipeline.none")) : pipeline);
        long[] closed = jdbc.query("select count(*) filter (where d.stage = 'WON'), count(*) filter (where d.stage"
                + " = 'LOST') from deal d join client c on c.id = d.client_id where c.owner = :u"
                + " and d.closed_at >= :weekAgo", p, rs -> {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                });
        lines.add(t(lang, "weekly.pipeline.closed", closed[0], closed[1]));

        lines.add("");
        lines.add(heading(t(lang, "weekly.overdue")));
        String overdueFrom = " from work_task wt join client c on c.id = wt.client_id where wt.completed_at is null"
                + " and wt.cancelled_at is null and wt.due_date < :today and c.owner = :u and c.archived_at is null";
        Long overdue = jdbc.queryForObject("select count(*)" + overdueFrom, p, Long.class);
        if (overdue == null || overdue == 0) {
            lines.add(t(lang, "weekly.overdue.none"));
        } else {
            lines.add(t(lang, "weekly.overdue.count", overdue));
            lines.addAll(jdbc.query("select wt.title, c.name, wt.due_date, wt.assignee" + overdueFrom
                    + " order by wt.due_date, wt.title limit :limit", p, (rs, n) -> t(lang, "weekly.overdue.line",
                    rs.getString(1), rs.getString(2), day.format(rs.getObject(3, LocalDate.class)),
                    rs.getString(4) == null ? t(lang, "reports.value.unassigned")
                            : staff.displayName(rs.getString(4)))));
        }

        lines.add("");
        lines.add(heading(t(lang, "weekly.promises")));
        List<String> promises = new ArrayList<>(jdbc.query("select cr.number, cr.subject, c.name from client_request cr"
                + " join client c on c.id = cr.client_id where cr.state not in ('RESOLVED', 'CLOSED', 'CANCELLED')"
                + " and (cr.response_breached_at is not null or cr.resolution_breached_at is not null)"
                + " and c.owner = :u order by cr.raised_at limit :limit", p,
                (rs, n) -> t(lang, "weekly.promises.breached", rs.getString(1), rs.getString(2), rs.getString(3))));
        promises.addAll(jdbc.query("select a.document_title, c.name, a.expires_at from document_acceptance a"
                + " join client c on c.id = a.client_id where a.status = 'PENDING' and a.expires_at >= :now"
                + " and a.expires_at < :soon and c.owner = :u order by a.expires_at limit :limit", p,
                (rs, n) -> t(lang, "weekly.promises.due", rs.getString(1), rs.getString(2),
                        day.format(rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(clock.getZone())))));
        lines.addAll(promises.isEmpty() ? List.of(t(lang, "weekly.promises.none")) : promises);

        lines.add("");
        lines.add(t(lang, "weekly.footer", app.baseUrl() + "/reports"));
        return new Summary(t(lang, "weekly.subject", day.format(today)), String.join("\n", lines));
    }

    private String t(Locale locale, String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }

    private static String heading(String text) {
        return text + "\n" + "-".repeat(text.length());
    }

    private static String money(Locale locale, BigDecimal amount, String currency) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(2);
        nf.setMaximumFractionDigits(2);
        return nf.format(amount) + " " + currency;
    }
}
