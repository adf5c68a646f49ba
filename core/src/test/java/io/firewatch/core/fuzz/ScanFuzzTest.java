package io.firewatch.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.Firewatch;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.detect.AddressSpace;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.Rule;
import io.firewatch.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw bytes through a whole scan: the document reader, every normalizer, the collapser, the detector and the alert's
 * JSON. Invariants: nothing escapes, an input with content is never silent, {@code openToWorld: true} only with an
 * allowed ingress source that parses as the whole internet, and every alert prints as one JSON line. Without
 * {@code JAZZER_FUZZ=1} it replays its seed corpus ({@code ScanFuzzTestInputs/scan}: the samples, the fixtures and
 * every input a campaign found) as a regression test; {@code bench/fuzz.sh} runs a timed campaign.
 */
public class ScanFuzzTest {
    private static final Firewatch FIREWATCH = new Firewatch(FirewatchConfig.defaults());
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest
    void scan(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The target itself; {@code bench/fuzz.sh} hands it to Jazzer's command line for a timed campaign. */
    public static void fuzzerTestOneInput(byte[] input) {
        Fixtures.Result outcomes = Fixtures.scan(FIREWATCH, input);

        if (!EventFree.holdsNoEvents(input)) {
            assertThat(outcomes.alerts.size() + outcomes.problems.size() + outcomes.ignoredReasons.size())
                    .as("an input with content ends as an alert, an ignored event or a reported problem")
                    .isPositive();
        }
        outcomes.ignoredReasons.forEach(why -> assertThat(why).as("reason of an ignored event").isNotBlank());
        for (Alert alert : outcomes.alerts) {
            assertThat(alert.change().time()).as("an alert's time is never null: %s", alert.id()).isNotNull();
            if (Boolean.TRUE.equals(alert.openToWorld())) {
                assertThat(AddressSpace.cover(ingressSources(alert)).world())
                        .as("openToWorld true needs an allowed ingress source that is the whole internet: %s", alert)
                        .isTrue();
            }
            assertThat(alert.severity()).as("severity").isNotNull();
            assertThat(oneLine(AlertJson.toJson(alert))).as("the alert as the CLI prints it").isTrue();
        }
    }

    /** One JSON object on one line, whatever the event's text held. */
    private static boolean oneLine(String json) {
        try {
            return JSON.readTree(json).isObject() && json.indexOf('\n') < 0 && json.indexOf('\r') < 0;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static List<String> ingressSources(Alert alert) {
        List<String> sources = new ArrayList<>();
        for (Rule r : alert.change().rules()) {
            if (r.access() == Access.ALLOW && r.direction() == Direction.INGRESS) {
                sources.addAll(r.sources());
            }
        }
        return sources;
    }
}
