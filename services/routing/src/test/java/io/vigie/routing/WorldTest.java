package io.vigie.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.routing.service.CentreDirectory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up most routing tests share: the test clock at {@link TestClock#BASE}, a Kafka client, and the example
 * world's centres published and known to routing before each test.
 */
public abstract class WorldTest {

    @Inject
    protected ObjectMapper json;
    @Inject
    protected CentreDirectory directory;
    @Inject
    protected TestClock clock;

    protected RoutingScenario scenario;

    @BeforeEach
    void world() {
        clock.set(TestClock.BASE);
        scenario = new RoutingScenario(json);
        scenario.publishCentres(directory, RoutingScenario.world());
    }

    @AfterEach
    void close() {
        // a test that moved the clock leaves the next one (of any class) at the base time
        clock.set(TestClock.BASE);
        scenario.close();
    }
}
