package io.firewatch.cli;

import io.firewatch.core.Firewatch;
import io.firewatch.core.InputResult;
import io.firewatch.core.Scan;
import io.firewatch.core.ScanListener;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Severity;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.render.OcsfRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code firewatch scan}: one JSON line per firewall change found in the inputs (CONTRACT §1), or a text table, or
 * OCSF Detection Findings. Diagnostics go to stderr; the exit status says whether all input was read.
 */
final class ScanCommand implements Command {
    private String format = "jsonl";
    private Severity failOn;
    private String configFile;
    private final List<String> paths = new ArrayList<>();

    private int files;
    private int alerts;
    private int suppressed;
    private int problems;
    private long records;
    private boolean failOnHit;

    @Override
    public int run(List<String> args, Console console) {
        String usageError = parse(args);
        if (usageError != null) {
            console.err().println("firewatch scan: " + usageError);
            console.err().print(Main.usage());
            return EXIT_USAGE;
        }
        Firewatch firewatch;
        try {
            firewatch = CliFirewatch.of(loadConfig(configFile, console.err()), console, "scan");
        } catch (ConfigException e) {
            console.err().println("firewatch scan: invalid configuration: " + Terminal.safe(e.getMessage()));
            return EXIT_USAGE;
        }
        AlertPrinter printer = printer(console, firewatch.config()::aliasOf);
        Progress progress = new Progress(console.err(), console.errIsTerminal());
        ScanListener listener = new ScanListener() {
            @Override
            public void alert(Alert alert) {
                alerts++;
                records++;
                progress.update(files, records, alerts, problems);
                if (alert.suppressed()) {
                    suppressed++;
                } else if (failOn != null && alert.severity().atLeast(failOn)) {
                    failOnHit = true;
                }
                printer.print(alert);
            }

            @Override
            public void problem(Problem problem) {
                problems++;
                records++;
                progress.clear();
                console.err().println("firewatch: " + Terminal.safe(problem.toString()));
            }

            @Override
            public void ignored(io.firewatch.core.normalize.Origin origin, String why) {
                records++;
                progress.update(files, records, alerts, problems);
            }
        };
        Scan scan = firewatch.newScan(listener);
        Inputs inputs = new Inputs(console, listener::problem);
        List<InputResult> results = inputs.readAll(paths, scan, () -> {
            files = inputs.files();
            progress.update(files, records, alerts, problems);
        });
        scan.finish();
        for (String empty : inputs.emptyPaths()) {
            // A CI gate must not pass because its path was empty; without --fail-on it is worth a word, not a failure.
            if (failOn != null) {
                listener.problem(new Problem(io.firewatch.core.normalize.Origin.of(empty), Problem.Kind.UNREADABLE,
                        "no input files here, so nothing was checked (--fail-on needs input)"));
            } else {
                console.err().println("firewatch: warning: " + Terminal.safe(empty) + ": no input files here");
            }
        }
        printer.finish();
        console.out().flush();
        progress.clear();
        int documents = results.stream().mapToInt(InputResult::documents).sum();
        console.err().printf("firewatch: %d input%s, %d document%s, %d alert%s (%d suppressed), %d problem%s%n",
                inputs.files(), plural(inputs.files()), documents, plural(documents), alerts, plural(alerts), suppressed,
                problems, plural(problems));
        if (problems > 0) {
            return EXIT_INPUT;
        }
        return failOnHit ? EXIT_FAIL_ON : EXIT_OK;
    }

    private String parse(List<String> args) {
        try {
            Arguments parsed = Arguments.parse(args, Set.of("--format", "--fail-on", "--config"));
            String chosen = parsed.choice("--format", List.of("jsonl", "json", "text", "ocsf"), "jsonl");
            format = chosen.equals("json") ? "jsonl" : chosen;
            String failOnText = parsed.options().get("--fail-on");
            if (failOnText != null) {
                try {
                    failOn = Severity.fromWire(failOnText);
                } catch (IllegalArgumentException e) {
                    return "--fail-on: " + e.getMessage();
                }
            }
            configFile = parsed.options().get("--config");
            paths.addAll(parsed.paths());
            return null;
        } catch (Arguments.UsageException e) {
            return e.getMessage();
        }
    }

    /** The configuration of {@code --config FILE}, or the defaults; what loads but cannot work is warned about. */
    static FirewatchConfig loadConfig(String file, java.io.PrintStream warnings) {
        if (file == null) {
            return FirewatchConfig.defaults();
        }
        String json;
        try {
            json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        FirewatchConfig config;
        try {
            config = FirewatchConfig.parse(json);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        for (String warning : config.warnings()) {
            warnings.println("firewatch: warning: " + Terminal.safe(file + ": " + warning));
        }
        return config;
    }

    private AlertPrinter printer(Console console, io.firewatch.core.render.AccountAliases aliases) {
        return switch (format) {
            case "text" -> {
                TextTable table = new TextTable(console.out(), Terminal.width(console.env(), TextTable.MIN_WIDTH), aliases);
                yield new AlertPrinter() {
                    @Override
                    public void print(Alert alert) {
                        table.print(alert);
                    }

                    @Override
                    public void finish() {
                        table.footer(suppressed);
                    }
                };
            }
            case "ocsf" -> alert -> console.out().println(OcsfRenderer.render(alert));
            default -> alert -> console.out().println(AlertJson.toJson(alert));
        };
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private interface AlertPrinter {
        void print(Alert alert);

        default void finish() {
        }
    }
}
