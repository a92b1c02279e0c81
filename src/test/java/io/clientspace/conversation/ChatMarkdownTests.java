package io.clientspace.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chat's Markdown subset renders what it promises, and nothing a user types becomes markup or script. */
class ChatMarkdownTests {

    @Test
    void rendersTheSubset() {
        assertThat(ChatMarkdown.toHtml("**bold** and *it* and _it2_ and `x < y`"))
                .isEqualTo("<p><strong>bold</strong> and <em>it</em> and <em>it2</em> and <code>x &lt; y</code></p>");
        assertThat(ChatMarkdown.toHtml("see [the plan](https://example.org/plan?a=1&b=2)"))
                .isEqualTo("<p>see <a href=\"https://example.org/plan?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\""
                        + " target=\"_blank\">the plan</a></p>");
        assertThat(ChatMarkdown.toHtml("- one\n- **two**\n\n1. first\n2. second"))
                .isEqualTo("<ul><li>one</li><li><strong>two</strong></li></ul><ol><li>first</li><li>second</li></ol>");
        assertThat(ChatMarkdown.toHtml("line one\nline two\n\nnext paragraph"))
                .isEqualTo("<p>line one<br>line two</p><p>next paragraph</p>");
        assertThat(ChatMarkdown.toHtml("```\n<b>**not bold**</b>\n```"))
                .isEqualTo("<pre><code>&lt;b&gt;**not bold**&lt;/b&gt;</code></pre>");
    }

    @Test
    void leavesPlainTextAndOddMarksAlone() {
        assertThat(ChatMarkdown.toHtml("2 * 3 * 4 = 24, snake_case_name, a*b")).isEqualTo(
                "<p>2 * 3 * 4 = 24, snake_case_name, a*b</p>");
        assertThat(ChatMarkdown.toHtml("   ")).isEmpty();
        assertThat(ChatMarkdown.toHtml(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[x](https://a.example/\"onmouseover=\"alert(1))",
            "[x](https://a.example/ onmouseover=alert(1))",
            "**<svg onload=alert(1)>**",
            "`<iframe src=//evil>`",
            "<a href=\"https://ok.example\" onclick=\"alert(1)\">hi</a>",
            "[<img src=x onerror=alert(1)>](https://ok.example)",
            "- <style>body{display:none}</style>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "```\n</code></pre><script>alert(1)</script>\n```",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"})
    void noTagAttributeOrSchemeTheUserTypesSurvives(String attack) {
        String html = ChatMarkdown.toHtml(attack);
        // read back as a browser would: only the renderer's tags, links only with their three attributes and a safe
        // scheme, and the user's own markup shown as text
        Document page = Jsoup.parseBodyFragment(html);
        for (Element e : page.body().getAllElements()) {
            if (e == page.body()) {
                continue;
            }
            assertThat(e.tagName()).as(html).isIn("p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "a");
            for (Attribute attribute : e.attributes()) {
                assertThat(e.tagName()).as("attribute %s in %s", attribute.getKey(), html).isEqualTo("a");
                assertThat(attribute.getKey()).as(html).isIn("href", "rel", "target");
            }
            if (e.tagName().equals("a")) {
                assertThat(e.attr("href")).as(html).matches("(https?://|mailto:)[^\\s\"<>]*");
            }
        }
        assertThat(page.body().text()).as("the attack shows as text").isNotBlank();
    }

    @Test
    void typedEntitiesStayText() {
        assertThat(ChatMarkdown.toHtml("&lt;b&gt;")).isEqualTo("<p>&amp;lt;b&amp;gt;</p>");
    }
}
