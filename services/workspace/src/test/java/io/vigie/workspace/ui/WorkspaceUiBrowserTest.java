package io.vigie.workspace.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vigie.events.Author;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Mention;
import io.vigie.events.Reply;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent's web UI in headless Chromium (Debian's chromium and chromedriver, no browser download): log in
 * through the real Keycloak with authorization code + PKCE, claim a conversation, type a reply the policy blocks,
 * see why, fix it, send it, and see the delivery receipt arrive live. Screenshots go to target/screenshots/.
 */
@QuarkusTest
@TestProfile(WorkspaceUiBrowserTest.OnRegisteredPort.class)
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class WorkspaceUiBrowserTest {

    /** The workspace's port of this instance (VIGIE_WORKSPACE_PORT, default 8084). */
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("VIGIE_WORKSPACE_PORT", "8084"));

    /**
     * The web client's redirect URIs are registered for 8084 by the realm import, so this test serves the UI on the
     * instance's workspace port and registers that port with the client when it is another one.
     */
    public static class OnRegisteredPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (PORT != 8084) {
                io.vigie.testsupport.KeycloakAdmin.allowWebClientOn(PORT);
            }
            return Map.of("quarkus.http.test-port", String.valueOf(PORT));
        }
    }

    private static final String BASE = "http://127.0.0.1:" + PORT + "/";
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Inject
    ObjectMapper json;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("vigie-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private void shot(String name) throws IOException {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void type(By by, String text) {
        WebElement area = visible(by);
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        area.sendKeys(text);
    }

    private String conversation() throws Exception {
        return conversation("x:@NordlysCare_FR");
    }

    private void login(String user) throws IOException {
        browser.get(BASE);
        visible(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Infra.get().value("VIGIE_DEMO_PASSWORD"));
        browser.findElement(By.id("kc-login")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("who"), user + " · montpellier"));
    }

    private String conversation(String space) throws Exception {
        String thread = UUID.randomUUID().toString();
        Mention m = new Mention(Mention.VERSION, "x", thread, space, thread, null,
                new Author("u-" + thread, "@claire", 230, false), "Commande FR-2291-7731 jamais reçue !", "fr",
                Instant.now(), null, List.of(), Instant.now());
        ScoredMention s = new ScoredMention(ScoredMention.VERSION, m, "fr", new Sentiment(Sentiment.NEGATIVE, -0.6),
                "billing_delivery", "Nordlys X1", "consumer", 0.9, 0.1, false, false, List.of(), Instant.now());
        RoutingDecision d = new RoutingDecision(RoutingDecision.VERSION, m.conversationKey(), "queued", "montpellier",
                "general", 99, true, List.of("language fr is covered by montpellier"), null, s, Instant.now());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.CONVERSATIONS_ROUTED), d.conversationId(), json.writeValueAsString(d));
        }
        return d.conversationId();
    }

    @Test
    void agentLogsInClaimsFixesABlockedReplySendsItAndSeesTheReceipt() throws Exception {
        String id = conversation();

        browser.get(BASE);
        visible(By.id("username")).sendKeys("agent-montpellier");
        browser.findElement(By.id("password")).sendKeys(Infra.get().value("VIGIE_DEMO_PASSWORD"));
        shot("01-keycloak-login");
        browser.findElement(By.id("kc-login")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("who"), "agent-montpellier · montpellier"));
        assertTrue(browser.getCurrentUrl().startsWith(BASE), browser.getCurrentUrl());

        By item = By.cssSelector("li.conv[data-id='" + id + "']");
        waiting().until(d -> {
            if (d.findElements(item).isEmpty()) {
                d.findElement(By.id("filter-all")).click();
                return false;
            }
            return true;
        });
        visible(item).click();
        waiting().until(ExpectedConditions.textToBe(By.id("conv-state"), "queued"));
        visible(By.id("claim")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("conv-assignee"), "agent-montpellier"));
        waiting().until(ExpectedConditions.textToBe(By.id("conv-state"), "assigned"));

        type(By.id("reply-text"), "Bonjour, envoyez-nous un e-mail à care@nordlys.example avec la commande FR-2291-7731");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#policy-status.blocked")));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#violations li[data-rule='off_network']")));
        List<String> rules = browser.findElements(By.cssSelector("#violations li")).stream()
                .map(e -> e.getAttribute("data-rule")).toList();
        assertTrue(rules.containsAll(List.of("off_network", "email_address", "personal_data_echoed")), rules.toString());
        assertFalse(browser.findElement(By.id("send-button")).isEnabled());
        shot("02-reply-blocked");

        String fixed = "Bonjour, désolés pour ce retard ! Nous vérifions votre commande avec le transporteur et revenons vers vous ici.";
        type(By.id("reply-text"), fixed);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#policy-status.ok")));
        assertTrue(browser.findElement(By.id("send-button")).isEnabled());
        shot("03-reply-allowed");
        browser.findElement(By.id("send-button")).click();
        visible(By.cssSelector("li.msg.outbound .delivery[data-status='pending']"));

        String replyId;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ConsumerRecord<String, String> rec = kafka.await(TestTopics.topic(Topics.REPLIES_OUTBOUND),
                    r -> id.equals(r.key()), Duration.ofSeconds(60));
            Reply reply = json.readValue(rec.value(), Reply.class);
            assertEquals(fixed, reply.text());
            replyId = reply.replyId();
            kafka.send(TestTopics.topic(Topics.DELIVERY_RECEIPTS), replyId, json.writeValueAsString(new DeliveryReceipt(
                    DeliveryReceipt.VERSION, replyId, id, DeliveryReceipt.DELIVERED, "1900000000042", null, 1, Instant.now())));
        }
        visible(By.cssSelector("li.msg.outbound .delivery[data-status='delivered']"));
        visible(By.cssSelector(".toast.receipt"));
        shot("04-receipt-delivered");

        browser.findElement(By.id("lang-fr")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("claim"), "Prendre (c)"));
        shot("05-french");
    }

    @Test
    void expertSeesOnlyTheGrantedSpaceAndAnswersForReview() throws Exception {
        String space = "community:forum-" + UUID.randomUUID();
        String granted = conversation(space);
        String other = conversation();
        io.restassured.RestAssured.given().auth().oauth2(io.vigie.testsupport.Tokens.forUser("supervisor-montpellier"))
                .contentType("application/json")
                .body("{\"expert\":\"expert-montpellier\",\"space\":\"" + space + "\",\"rights\":[\"answer\",\"accept\"]}")
                .post("/api/grants").then().statusCode(201);

        login("expert-montpellier");
        visible(By.cssSelector(".expert-badge"));
        By item = By.cssSelector("li.conv[data-id='" + granted + "']");
        visible(item).click();
        waiting().until(ExpectedConditions.textToBe(By.id("conv-state"), "queued"));
        assertTrue(browser.findElements(By.cssSelector("li.conv[data-id='" + other + "']")).isEmpty());
        assertTrue(browser.findElements(By.id("claim")).isEmpty());
        type(By.id("reply-text"), "Bonjour, vérifiez que le pilote est à jour et nettoyez les ventilateurs, cela suffit souvent.");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#policy-status.ok")));
        browser.findElement(By.id("send-button")).click();
        visible(By.cssSelector("li.msg.outbound .delivery[data-status='review']"));
        shot("06-expert-answer-for-review");
    }
}
