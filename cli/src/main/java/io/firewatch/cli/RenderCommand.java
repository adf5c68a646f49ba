package io.firewatch.cli;

import io.firewatch.core.Firewatch;
import io.firewatch.core.Scan;
import io.firewatch.core.ScanListener;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.render.AccountAliases;
import io.firewatch.core.render.EmailRenderer;
import io.firewatch.core.render.OcsfRenderer;
import io.firewatch.core.render.TeamsCardRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code firewatch render --as teams|email-text|email-html|ocsf}: for each alert of the inputs, exactly what that
 * channel would receive. JSON formats print one document per line; emails are separated by a form-feed line. With
 * {@code --out DIR} each alert goes to a file of its own instead (one HTML document per file, ready for a browser).
 * Suppressed alerts are never sent, so they are not rendered for Teams or email (stderr says how many).
 */
final class RenderCommand implements Command {
    static final String EMAIL_SEPARATOR = "\f";

    private String as;
    private String configFile;
    private Path outDir;
    private final List<String> paths = new ArrayList<>();
    private int rendered;
    private int notSent;
    private int problems;

    @Override
    public int run(List<String> args, Console console) {
        String usageError = parse(args);
        if (usageError != null) {
            console.err().println("firewatch render: " + usageError);
            console.err().print(Main.usage());
            return EXIT_USAGE;
        }
        Firewatch firewatch;
        try {
            firewatch = CliFirewatch.of(ScanCommand.loadConfig(configFile, console.err()), console, "render");
        } catch (ConfigException e) {
            console.err().println("firewatch render: invalid configuration: " + Terminal.safe(e.getMessage()));
            return EXIT_USAGE;
        }
        ScanListener listener = new ScanListener() {
            @Override
            public void alert(Alert alert) {
                if (alert.suppressed() && !as.equals("ocsf")) {
                    notSent++;
                    return;
                }
                String text = render(as, alert, firewatch.config()::aliasOf);
                if (outDir != null) {
                    write(outDir.resolve(fileName(rendered + 1, alert, as)), text);
                } else {
                    if (rendered > 0 && as.startsWith("email")) {
                        console.out().println(EMAIL_SEPARATOR);
                    }
                    console.out().print(text);
                }
                rendered++;
            }

            @Override
            public void problem(Problem problem) {
                problems++;
                console.err().println("firewatch: " + Terminal.safe(problem.toString()));
            }
        };
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                console.err().println("firewatch render: cannot create " + Terminal.safe(outDir.toString()) + ": "
                        + e.getClass().getSimpleName());
                return EXIT_USAGE;
            }
        }
        Scan scan = firewatch.newScan(listener);
        Inputs inputs = new Inputs(console, listener::problem);
        inputs.readAll(paths, scan, () -> { });
        scan.finish();
        console.out().flush();
        console.err().printf("firewatch: %d alert%s rendered as %s%s%s, %d problem%s%n", rendered, rendered == 1 ? "" : "s", as,
                outDir == null ? "" : " into " + Terminal.safe(outDir.toString()),
                notSent == 0 ? "" : " (" + notSent + " suppressed, never sent)", problems, problems == 1 ? "" : "s");
        if (outDir == null && rendered > 1 && as.equals("email-html")) {
            console.err().println("firewatch: hint: --out DIR writes one HTML file per alert, to open in a browser");
        }
        return problems > 0 ? EXIT_INPUT : EXIT_OK;
    }

    /** One alert in the given format, ending with a line break. */
    static String render(String as, Alert alert, AccountAliases aliases) {
        return switch (as) {
            case "teams" -> TeamsCardRenderer.render(alert, aliases) + "\n";
            case "ocsf" -> OcsfRenderer.render(alert) + "\n";
            case "email-text" -> "Subject: " + EmailRenderer.subject(alert, aliases) + "\n\n" + EmailRenderer.text(alert, aliases);
            case "email-html" -> EmailRenderer.html(alert, aliases);
            default -> throw new IllegalArgumentException("unknown format " + as);
        };
    }

    /** {@code 001-critical-aws-111122223333-e2b1c3d4.html}: in scan order, readable, safe on every file system. */
    static String fileName(int n, Alert alert, String as) {
        String id = alert.id().replaceAll("[^A-Za-z0-9._-]+", "-");
        if (id.length() > 80) {
            id = id.substring(0, 80);
        }
        String extension = switch (as) {
            case "email-html" -> ".html";
            case "email-text" -> ".eml.txt";
            default -> ".json";
        };
        return String.format(java.util.Locale.ROOT, "%03d-%s-%s%s", n, alert.severity().wire(), id, extension);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    private String parse(List<String> args) {
        try {
            Arguments parsed = Arguments.parse(args, Set.of("--as", "--config", "--out"));
            as = parsed.choice("--as", List.of("teams", "email-text", "email-html", "ocsf"), null);
            configFile = parsed.options().get("--config");
            String out = parsed.options().get("--out");
            outDir = out == null ? null : Path.of(out);
            paths.addAll(parsed.paths());
            return null;
        } catch (Arguments.UsageException e) {
            return e.getMessage();
        }
    }
}
