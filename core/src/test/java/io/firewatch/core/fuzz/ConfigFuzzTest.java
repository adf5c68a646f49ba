package io.firewatch.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.PortRange;
import java.nio.charset.StandardCharsets;

/**
 * The configuration parser ({@code --config FILE}, {@code FIREWATCH_CONFIG}) on arbitrary text: it either gives a
 * configuration whose port ranges are valid, or refuses with a {@link ConfigException} naming the problem. Seeds in
 * {@code ConfigFuzzTestInputs/parse}.
 */
public class ConfigFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The target itself; {@code bench/fuzz.sh} hands it to Jazzer's command line for a timed campaign. */
    public static void fuzzerTestOneInput(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        FirewatchConfig config;
        try {
            config = FirewatchConfig.parse(json);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).as("a refused configuration says why").isNotBlank();
            return;
        }
        for (PortRange r : config.adminPorts()) {
            assertValid(r);
        }
        for (PortRange r : config.publicPorts()) {
            assertValid(r);
        }
    }

    private static void assertValid(PortRange r) {
        assertThat(r.from()).isBetween(0, PortRange.MAX_PORT);
        assertThat(r.to()).isBetween(r.from(), PortRange.MAX_PORT);
    }
}
