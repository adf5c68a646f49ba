import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The baseline of the backtest benchmark: a bare Jackson tree walk that reads each CloudTrail log file, walks its
 * Records and counts the ones whose eventName is a firewall operation. No normalization, no detection.
 * Run: java -cp cli/target/firewatch.jar bench/TreeWalk.java FILE...
 */
public class TreeWalk {
    public static void main(String[] args) throws Exception {
        Set<String> names = Set.of("AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress", "CreateNetworkAclEntry");
        ObjectMapper mapper = new ObjectMapper();
        long records = 0;
        long hits = 0;
        for (String file : args) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(file)), 1 << 16)) {
                JsonNode root = mapper.readTree(in);
                for (JsonNode r : root.path("Records")) {
                    records++;
                    if (names.contains(r.path("eventName").asText())) {
                        hits++;
                    }
                }
            }
        }
        System.out.println(records + " records, " + hits + " firewall events");
    }
}
