package io.firewatch.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.firewatch.core.detect.AddressSpace;
import io.firewatch.core.detect.AddressSpace.Kind;
import io.firewatch.core.model.PortRange;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The address parser on arbitrary text, one source per line: no exception, intervals inside their family, a source
 * with stray spaces or an impossible prefix never the world, and a set is the world only if a member could make it
 * so. Port ranges (the other text the detector parses) ride along. Seeds in {@code AddressFuzzTestInputs/parse}.
 */
public class AddressFuzzTest {
    private static final BigInteger V4_MAX = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final BigInteger V6_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    @FuzzTest
    void parse(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The target itself; {@code bench/fuzz.sh} hands it to Jazzer's command line for a timed campaign. */
    public static void fuzzerTestOneInput(byte[] input) {
        List<String> sources = Arrays.asList(new String(input, StandardCharsets.UTF_8).split("\n", -1));
        boolean someCanBeWorld = false;
        for (String s : sources) {
            AddressSpace.Source parsed = AddressSpace.parse(s);
            assertThat(parsed.kind()).isNotNull();
            if (parsed.kind() == Kind.IPV4 || parsed.kind() == Kind.IPV6) {
                BigInteger max = parsed.kind() == Kind.IPV4 ? V4_MAX : V6_MAX;
                assertThat(parsed.first()).as("first of %s", s).isBetween(BigInteger.ZERO, parsed.last());
                assertThat(parsed.last()).as("last of %s", s).isLessThanOrEqualTo(max);
                someCanBeWorld = true;
            } else if (parsed.kind() == Kind.ANY) {
                someCanBeWorld = true;
            }
            if (!s.equals(s.strip()) || s.contains(" ")) {
                assertThat(AddressSpace.cover(List.of(s)).world()).as("'%s' has stray spaces", s).isFalse();
            }
            parsePort(s);
        }
        AddressSpace.Coverage coverage = AddressSpace.cover(sources);
        if (coverage.world()) {
            assertThat(someCanBeWorld).as("world from %s", sources).isTrue();
            assertThat(sources).containsAll(coverage.worldSources());
        }
        assertThat(coverage.malformed()).allSatisfy(m -> assertThat(coverage.worldSources()).doesNotContain(m));
    }

    private static void parsePort(String s) {
        PortRange r = PortRange.parse(s);
        if (r != null) {
            assertThat(r.from()).isBetween(0, PortRange.MAX_PORT);
            assertThat(r.to()).isBetween(r.from(), PortRange.MAX_PORT);
        }
    }
}
