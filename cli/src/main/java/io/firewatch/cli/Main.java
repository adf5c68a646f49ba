package io.firewatch.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code firewatch scan|render|notify-test ...}: the same pipeline the functions run, on files and stdin. */
public final class Main {
    private static final Map<String, Supplier<Command>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("scan", ScanCommand::new);
        COMMANDS.put("render", RenderCommand::new);
        COMMANDS.put("notify-test", NotifyTestCommand::new);
    }

    private Main() {
    }

    public static void main(String[] args) {
        Console console = Console.system();
        int status;
        try {
            status = run(Arrays.asList(args), console);
        } catch (RuntimeException | Error e) {
            // The last safety net: a user sees one line, never a Java stack trace.
            console.err().println("firewatch: internal error (" + e.getClass().getSimpleName() + "); please report it");
            status = 70;
        }
        console.out().flush();
        System.exit(status);
    }

    static int run(List<String> args, Console console) {
        if (args.isEmpty()) {
            console.err().print(usage());
            return Command.EXIT_USAGE;
        }
        String first = args.get(0);
        if (first.equals("-h") || first.equals("--help") || first.equals("help")) {
            String topic = args.size() > 1 ? HELP.get(args.get(1)) : null;
            console.out().print(topic != null ? topic : usage());
            return Command.EXIT_OK;
        }
        if (first.equals("--version") || first.equals("-V") || first.equals("version")) {
            console.out().println("firewatch " + version());
            return Command.EXIT_OK;
        }
        Supplier<Command> command = COMMANDS.get(first);
        if (command == null) {
            console.err().println("firewatch: unknown command '" + Terminal.safe(first) + "'");
            console.err().print(usage());
            return Command.EXIT_USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        int end = rest.indexOf("--");
        List<String> options = end < 0 ? rest : rest.subList(0, end);
        if (options.contains("--help") || options.contains("-h")) {
            console.out().print(HELP.get(first));
            return Command.EXIT_OK;
        }
        return command.get().run(rest, console);
    }

    /** The version the jar was built as (its manifest), or "development build" when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    static String usage() {
        return """
                usage: firewatch scan [--format jsonl|text|ocsf] [--fail-on SEVERITY] [--config FILE] PATH...
                       firewatch render --as teams|email-text|email-html|ocsf [--out DIR] [--config FILE] PATH...
                       firewatch notify-test
                       firewatch --version
                  PATH is a file, a directory (read recursively, symbolic links followed) or - for standard input.
                  firewatch COMMAND --help explains one command.
                """;
    }

    private static final Map<String, String> HELP = Map.of(
            "scan", """
                    usage: firewatch scan [--format jsonl|text|ocsf] [--fail-on SEVERITY] [--config FILE] PATH...

                    Finds cloud firewall changes in audit events (CloudTrail, Azure Activity Log and Event Grid, GCP
                    Cloud Audit Logs; JSON, JSON Lines or gzip) and prints one alert per change on stdout.

                      PATH                a file, a directory (read recursively, symbolic links followed) or - (stdin)
                      --format jsonl      one alert JSON per line (default; json is the same)
                      --format text       one row per alert, as wide as the terminal
                      --format ocsf       OCSF Detection Finding JSON, one per line
                      --fail-on SEVERITY  exit 1 when an alert at or above SEVERITY (critical, high, medium, low,
                                          info) is found; a path with no input then fails too
                      --config FILE       the configuration the functions use (allow-lists, ports, account aliases)

                    Exit status: 0 all input read, 1 --fail-on matched, 2 some input unreadable, 64 bad usage.
                    """,
            "render", """
                    usage: firewatch render --as teams|email-text|email-html|ocsf [--out DIR] [--config FILE] PATH...

                    Prints, for each alert in the inputs, exactly what that sink would receive: the Teams card
                    JSON, the email as text or HTML, or the OCSF finding. Suppressed alerts are never sent, so they
                    are not rendered (except as ocsf).

                      --as FORMAT         teams, email-text, email-html or ocsf
                      --out DIR           write one file per alert into DIR (created if needed) instead of stdout;
                                          one HTML document per file, ready to open in a browser
                      --config FILE       the configuration the functions use
                    """,
            "notify-test", """
                    usage: firewatch notify-test

                    Sends one alert, marked TEST everywhere a reader looks first, to every sink the FIREWATCH_*
                    environment variables configure (Teams, email, SNS) and prints one line per sink saying what it
                    reached. No firewall is changed. Exit status 1 when a sink failed, 64 when none is configured.
                    """);
}
