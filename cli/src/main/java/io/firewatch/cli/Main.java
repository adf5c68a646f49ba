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
        if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help") || args.get(0).equals("help")) {
            console.err().print(usage());
            return args.isEmpty() ? Command.EXIT_USAGE : Command.EXIT_OK;
        }
        Supplier<Command> command = COMMANDS.get(args.get(0));
        if (command == null) {
            console.err().println("firewatch: unknown command '" + args.get(0) + "'");
            console.err().print(usage());
            return Command.EXIT_USAGE;
        }
        return command.get().run(args.subList(1, args.size()), console);
    }

    static String usage() {
        return """
                usage: firewatch scan [--format jsonl|text|ocsf] [--fail-on SEVERITY] [--config FILE] PATH...
                       firewatch render --as teams|email-text|email-html|ocsf [--config FILE] PATH...
                       firewatch notify-test
                  PATH is a file, a directory (read recursively) or - for standard input.
                """;
    }
}
