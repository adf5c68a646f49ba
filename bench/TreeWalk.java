import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The baseline of the backtest benchmark: a bare Jackson tree walk that reads each CloudTrail log file, walks its
 * Records and counts the ones whose eventName is a firewall operation. No normalization, no detection.
 * Run: java -cp cli/target/firewatch.jar bench/TreeWalk.java DIR_OR_FILE... (CloudTrail log files, plain or .gz)
 */
public class TreeWalk {
    public static void main(String[] args) throws Exception {
        Set<String> names = Set.of("AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress", "CreateNetworkAclEntry");
        ObjectMapper mapper = new ObjectMapper();
        long records = 0;
        long hits = 0;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            try (Stream<Path> walk = Files.walk(Path.of(arg))) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        for (Path file : files) {
            InputStream raw = Files.newInputStream(file);
            try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
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
