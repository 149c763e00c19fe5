package io.vigie.centres.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.Alert;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wall in headless Chromium (the distribution's chromium and chromium-driver, no download): it loads,
 * shows the replayed mentions, and updates in place over SSE when new ones arrive; screenshots go to target/.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class WallPageBrowserTest {

    private static final String KEY = "test-wall-key-0123456789";
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @TestHTTPResource("/wall/")
    URL wall;

    @Inject
    ObjectMapper json;

    private ScoredMention scored(String id, String network, String label, double score, String text) {
        Instant at = Instant.now().minus(Duration.ofMinutes(2));
        Mention m = new Mention(Mention.VERSION, network, RUN + "-" + id, network + ":@NordlysCare", null, null,
                new Author("u-" + id, "@u", 10, false), text, "en", at, null, List.of(), at);
        return new ScoredMention(ScoredMention.VERSION, m, "en", new Sentiment(label, score), "technical_support",
                "laptops", "consumer", 0.5, 0.1, false, false, List.of(), at);
    }

    private int volumeNow() {
        return given().queryParam("key", KEY).get("/api/wall/snapshot").then().statusCode(200)
                .extract().path("lastHour.mentions");
    }

    private ChromeDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1920,1080", "--lang=fr");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Waits for the volume tile to show {@code expected}; on time-out, says what the page showed instead. */
    private static void awaitText(ChromeDriver browser, WebDriverWait wait, String expected) {
        try {
            wait.until(d -> expected.equals(d.findElement(By.cssSelector("#kpi-volume .value")).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object state = browser.executeScript("return JSON.stringify({echarts: typeof echarts, live: "
                    + "document.getElementById('live').dataset.state, updates: document.body.dataset.updates, "
                    + "volume: document.querySelector('#kpi-volume .value').textContent})");
            throw new AssertionError("volume tile never showed " + expected + "; page: " + state, e);
        }
    }

    @Test
    void theWallShowsTheReplayAndUpdatesLiveWithoutReloading() throws Exception {
        int before = volumeNow();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            String scoredTopic = TestTopics.topic(Topics.MENTIONS_SCORED);
            List<ScoredMention> replay = List.of(
                    scored("1", "x", Sentiment.NEGATIVE, -0.7, "Forge antivirus update bricked my laptop"),
                    scored("2", "facebook", Sentiment.NEGATIVE, -0.6, "After the antivirus update the screen stays black"),
                    scored("3", "x", Sentiment.POSITIVE, 0.8, "Support fixed my keyboard in ten minutes"));
            for (ScoredMention s : replay) {
                kafka.send(scoredTopic, s.mention().conversationKey(), json.writeValueAsString(s));
                kafka.send(TestTopics.topic(Topics.CONVERSATIONS_ROUTED), s.mention().conversationKey(),
                        json.writeValueAsString(new RoutingDecision(RoutingDecision.VERSION, s.mention().conversationKey(),
                                "queued", "austin", "general", 50, true, List.of(), Instant.now().plusSeconds(3600), s,
                                Instant.now())));
            }
            Alert alert = new Alert(Alert.VERSION, RUN + "-incident", "open", "term", "antivirus", "austin", "en", "x",
                    Instant.now().minusSeconds(300), 2, 0.2, "critical", List.of("antivirus", "update"),
                    List.of(replay.get(1).mention().key()), Instant.now(), Instant.now(), 300, 40, List.of(), Alert.NEW, 1);
            kafka.send(TestTopics.topic(Topics.ALERTS), alert.incidentId(), json.writeValueAsString(alert));

            Path profile = Files.createTempDirectory("vigie-chromium-");
            Path target = Path.of("target");
            ChromeDriver browser = chromium(profile);
            try {
                browser.get(wall + "?scope=*&lang=fr&key=" + KEY);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                String first = Integer.toString(before + 3);
                awaitText(browser, wait, first);
                try {
                    wait.until(d -> d.findElement(By.id("list-incidents")).getText()
                            .contains("After the antivirus update the screen stays black"));
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError("incident not shown; console: " + browser.manage().logs().get("browser").getAll()
                            + "; incidents: " + browser.findElement(By.id("list-incidents")).getText(), e);
                }
                assertEquals("Salle de veille", browser.findElement(By.id("title")).getText());
                var errors = browser.manage().logs().get("browser").getAll().stream()
                        .filter(l -> l.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
                assertTrue(errors.isEmpty(), "console errors: " + errors);
                JavascriptExecutor js = browser;
                assertEquals(Boolean.TRUE, js.executeScript(
                        "return !!echarts.getInstanceByDom(document.getElementById('chart-volume'))"
                                + " && document.querySelectorAll('#chart-volume canvas').length > 0"));
                js.executeScript("window.__notReloaded = 42;");
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target.resolve("wall-replayed.png"),
                        StandardCopyOption.REPLACE_EXISTING);

                for (ScoredMention s : List.of(scored("4", "x", Sentiment.NEGATIVE, -0.9, "Antivirus update again, laptop dead"),
                        scored("5", "community", Sentiment.NEUTRAL, 0.0, "Any news about the antivirus update?"))) {
                    kafka.send(scoredTopic, s.mention().conversationKey(), json.writeValueAsString(s));
                }
                String second = Integer.toString(before + 5);
                awaitText(browser, wait, second);
                assertEquals(42L, js.executeScript("return window.__notReloaded;"), "the page was not reloaded");
                assertTrue(browser.findElement(By.id("table-centres")).getText().contains("austin"));
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target.resolve("wall-updated.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                browser.quit();
            }
        }
        assertTrue(Files.size(Path.of("target/wall-updated.png")) > 10_000);
    }
}
