package io.firewatch.core.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server that answers {@code MAIL FROM} with a scripted reply per connection (e.g. 451 then 250), so
 * tests can see how the sink treats transient and permanent replies. Everything else is accepted.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> mailFromReplies;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final Thread thread;

    private final Duration pause;

    ScriptedSmtpServer(List<String> mailFromReplies) throws IOException {
        this(mailFromReplies, Duration.ZERO);
    }

    /** {@code pause} before every reply: each read finishes within a socket timeout, the conversation does not. */
    ScriptedSmtpServer(List<String> mailFromReplies, Duration pause) throws IOException {
        this.pause = pause;
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.mailFromReplies = mailFromReplies;
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    int delivered() {
        return delivered.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                int n = connections.getAndIncrement();
                String mailFrom = mailFromReplies.get(Math.min(n, mailFromReplies.size() - 1));
                talk(client, mailFrom);
            } catch (IOException e) {
                // closed by the test, or the client hung up: wait for the next one
            }
        }
    }

    private void talk(Socket client, String mailFromReply) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 scripted");
            } else if (command.startsWith("MAIL FROM")) {
                reply(out, mailFromReply);
            } else if (command.startsWith("RCPT TO")) {
                reply(out, "250 ok");
            } else if (command.equals("DATA")) {
                reply(out, "354 go ahead");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // message content
                }
                delivered.incrementAndGet();
                reply(out, "250 queued");
            } else if (command.equals("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private void reply(Writer out, String line) throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
