package io.firewatch.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The process's streams and environment, passed in so commands are testable without touching System. */
record Console(InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env, boolean errIsTerminal) {

    static Console system() {
        return new Console(System.in, new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                java.nio.charset.StandardCharsets.UTF_8), System.err, System.getenv(), Terminal.stderrIsTerminal());
    }
}
