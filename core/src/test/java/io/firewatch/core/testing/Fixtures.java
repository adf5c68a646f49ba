package io.firewatch.core.testing;

import io.firewatch.core.Firewatch;
import io.firewatch.core.InputResult;
import io.firewatch.core.ScanListener;
import io.firewatch.core.Scan;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.normalize.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test access to the fixture tree {@code core/src/test/resources/fixtures} (shipped in core's test-jar, so adapters
 * replay the same events) and to the shared real events beside the checkout.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The bytes of a fixture, by its path below {@code fixtures/}, e.g. {@code aws/eventbridge/x.json}. */
    public static byte[] bytes(String relativePath) {
        String resource = "/fixtures/" + relativePath;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relativePath) {
        return new String(bytes(relativePath), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The golden alert lines of a fixture ({@code x.json} → {@code x.alerts.jsonl}); empty when it has none. */
    public static List<String> goldenAlerts(String relativePath) {
        String golden = relativePath.replaceFirst("\\.(json|jsonl|json\\.gz|gz|txt)$", "") + ".alerts.jsonl";
        try {
            return text(golden).lines().filter(l -> !l.isBlank()).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The fixture tree on disk (the source folder, so golden files can be rewritten). */
    public static Path sourceRoot() {
        Path p = Paths.get("src/test/resources/fixtures");
        if (Files.isDirectory(p)) {
            return p;
        }
        return Paths.get("core/src/test/resources/fixtures");
    }

    /** {@code shared/real-events} beside the checkout, or null when it is not there. */
    public static Path realEvents() {
        for (String candidate : new String[] {"../shared/real-events", "../../shared/real-events", "../../../shared/real-events"}) {
            Path p = Paths.get(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    /** Every input fixture below {@code fixtures/} (not golden files), as paths relative to the root. */
    public static List<String> all() {
        Path root = sourceRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(Fixtures::isInput)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isInput(String name) {
        return !name.endsWith(".alerts.jsonl") && !name.endsWith(".problems.txt") && !name.endsWith(".md");
    }

    /** Runs a whole scan over the given inputs with a configuration; collects alerts and problems. */
    public static Result scan(FirewatchConfig config, byte[]... inputs) {
        return scan(new Firewatch(config), inputs);
    }

    /** Scans the inputs with a core that is built already (the fuzz targets build theirs once). */
    public static Result scan(Firewatch firewatch, byte[]... inputs) {
        Result result = new Result();
        Scan scan = firewatch.newScan(result);
        for (int i = 0; i < inputs.length; i++) {
            result.inputs.add(scan.read(inputs[i], "input" + i));
        }
        scan.finish();
        return result;
    }

    public static Result scan(byte[]... inputs) {
        return scan(FirewatchConfig.defaults(), inputs);
    }

    public static Result scanFixture(String relativePath) {
        return scan(bytes(relativePath));
    }

    /** Alerts, problems and the reasons of ignored events of one scan. */
    public static final class Result implements ScanListener {
        public final List<Alert> alerts = new ArrayList<>();
        public final List<Problem> problems = new ArrayList<>();
        public final List<String> ignoredReasons = new ArrayList<>();
        public final List<InputResult> inputs = new ArrayList<>();

        @Override
        public void alert(Alert alert) {
            alerts.add(alert);
        }

        @Override
        public void problem(Problem problem) {
            problems.add(problem);
        }

        @Override
        public void ignored(io.firewatch.core.normalize.Origin origin, String why) {
            ignoredReasons.add(why);
        }

        public List<String> jsonLines() {
            return alerts.stream().map(AlertJson::toJson).toList();
        }

        public Alert only() {
            if (alerts.size() != 1) {
                throw new AssertionError("expected exactly one alert, got " + alerts.size() + ": " + jsonLines() + " problems: " + problems);
            }
            return alerts.get(0);
        }
    }
}
