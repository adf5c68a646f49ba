package io.firewatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressSpaceTest {

    @ParameterizedTest(name = "{0} -> world={1}")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0/0|true",
            "::/0|true",
            "*|true",
            "Any|true",
            "Internet|true",
            "internet|true",
            "0.0.0.0/1 128.0.0.0/1|true",
            "0.0.0.0/2 64.0.0.0/2 128.0.0.0/1|true",
            "0.0.0.0/1 128.0.0.0/2|false",
            "::/1 8000::/1|true",
            "0.0.0.0-255.255.255.255|true",
            "0.0.0.0-0.0.0.0|false",
            "0.0.0.0|false",
            "0.0.0.0/16|false",
            "10.0.0.0/8|false",
            "203.0.113.7/32|false",
            "0.0.0.0/33|false",
            "999.1.1.1/8|false",
            "::/129|false",
            "2001:db8::/32|false",
            "sg-0123456789abcdef0|false",
            "pl-0123456789abcdef0|false",
            "VirtualNetwork|false",
            "AzureLoadBalancer|false",
            "10.1.2.3/0|true",
            "::ffff:0.0.0.0/96|false",
            "1:2:3|false",
    })
    void decidesWhetherSourcesAreTheWholeInternet(String sources, boolean world) {
        assertThat(AddressSpace.cover(Arrays.asList(sources.split(" "))).world()).isEqualTo(world);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/33", "999.1.1.1/8", "10.0.0.0/-1", "1.2.3.4/08x", "::/200", "2001:db8:::1/64",
            "0.0.0.0/0 ", " 0.0.0.0/0", "0.0.0.0 /0", "0.0.0.0/ 0"})
    void malformedAddressesAreReportedNotRead(String source) {
        AddressSpace.Coverage c = AddressSpace.cover(List.of(source));
        assertThat(c.world()).isFalse();
        assertThat(c.malformed()).containsExactly(source);
    }

    @org.junit.jupiter.api.Test
    void worldSourcesNameOnlyTheFamilyThatIsCovered() {
        AddressSpace.Coverage c = AddressSpace.cover(List.of("10.0.0.0/8", "::/0"));
        assertThat(c.world()).isTrue();
        assertThat(c.worldSources()).containsExactly("::/0");
    }

    @org.junit.jupiter.api.Test
    void hostnamesAreNeverLookedUp() {
        assertThat(AddressSpace.parse("example.com").kind()).isEqualTo(AddressSpace.Kind.OTHER);
        assertThat(AddressSpace.parse("localhost").kind()).isEqualTo(AddressSpace.Kind.OTHER);
    }
}
