package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Protocols;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How ports read: tcp/udp ranges from numbers or text, -1 or absent for all, nothing for port-less protocols. */
class FieldsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest(name = "{0} {1}..{2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # protocol | fromPort    | toPort      | ports (- for none)
            tcp        | 22          | 22          | 22
            tcp        | '"22"'      | '"22"'      | 22
            6          | 8000        | 8080        | 8000-8080
            udp        | 53          | -           | 53
            tcp        | -           | -           | -
            tcp        | -1          | -1          | -
            tcp        | 0           | 65535       | 0-65535
            -1         | -1          | -1          | -
            all        | 0           | 65535       | -
            icmp       | 8           | -1          | -
            icmpv6     | 128         | 0           | -
            50         | -           | -           | -
            """)
    void portsOf(String protocol, String from, String to, String expected) throws Unreadable {
        ObjectNode node = NODES.objectNode();
        put(node, "fromPort", from);
        put(node, "toPort", to);
        PortRange ports = Fields.ports(Protocols.normalize(protocol), node, "fromPort", "toPort", "p");
        assertThat(ports == null ? null : ports.toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource(delimiter = '|', textBlock = """
            '"ssh"' | 22      | p.fromPort is not a port number
            22      | '[22]'  | p.toPort is not a port number
            80      | 22      | p.fromPort..toPort is not a valid port range (80-22)
            22      | 70000   | p.fromPort..toPort is not a valid port range (22-70000)
            """)
    void unreadablePortsNameTheirField(String from, String to, String message) {
        ObjectNode node = NODES.objectNode();
        put(node, "fromPort", from);
        put(node, "toPort", to);
        assertThatThrownBy(() -> Fields.ports("tcp", node, "fromPort", "toPort", "p"))
                .isInstanceOf(Unreadable.class).hasMessage(message);
    }

    /** A bare number, a quoted string ({@code "22"}) or a one-element array ({@code [22]}). */
    private static void put(ObjectNode node, String name, String value) {
        if (value == null) {
            return;
        }
        if (value.startsWith("\"")) {
            node.put(name, value.substring(1, value.length() - 1));
        } else if (value.startsWith("[")) {
            node.putArray(name).add(Integer.parseInt(value.substring(1, value.length() - 1)));
        } else {
            node.put(name, Integer.parseInt(value));
        }
    }
}
