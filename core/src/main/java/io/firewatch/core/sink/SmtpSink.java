package io.firewatch.core.sink;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.render.AccountAliases;
import io.firewatch.core.render.EmailRenderer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends the alert as a multipart/alternative email (plain text and HTML) over SMTP with Jakarta Mail (Eclipse Angus).
 * Timeouts, dropped connections and 4xx replies are retried within the budget; 5xx replies and refused logins fail
 * at once, and so does a server that cannot be reached at all (unknown host, connection refused), with the reason.
 * Every header value comes from our own renderers or settings and is set through the API with line breaks removed.
 */
public final class SmtpSink implements Sink {
    private static final Duration MAX_SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern REPLY_CODE = Pattern.compile("(?:^|\\D)([45])\\d\\d(?:[ -]|$)");
    private static final int MAX_REPLY = 300;

    private final SmtpSettings settings;
    private final AccountAliases aliases;
    private final Backoff backoff;

    public SmtpSink(SmtpSettings settings) {
        this(settings, Backoff.standard());
    }

    public SmtpSink(SmtpSettings settings, Backoff backoff) {
        this(settings, AccountAliases.NONE, backoff);
    }

    /** With the configuration's account aliases, shown beside account ids in the message. */
    public SmtpSink(SmtpSettings settings, AccountAliases aliases, Backoff backoff) {
        this.settings = settings;
        this.aliases = aliases;
        this.backoff = backoff;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public String destination() {
        return String.join(", ", settings.to()) + " through " + settings.host() + ":" + settings.port();
    }

    @Override
    public void send(Alert alert, Duration budget) throws DeliveryException {
        EmailRenderer.Email email = EmailRenderer.render(alert, aliases);
        String messageId = messageId(alert.id());
        backoff.run(name(), budget, remaining -> deliver(email, messageId, alert.id(), remaining));
    }

    /** Renders the mail and builds the whole MIME message (loading Jakarta Mail's classes) without connecting. */
    @Override
    public void prime(Alert sample) {
        EmailRenderer.Email email = EmailRenderer.render(sample);
        try {
            MimeMessage message = message(Session.getInstance(properties(Duration.ofSeconds(10))), email,
                    messageId(sample.id()), sample.id());
            message.writeTo(java.io.OutputStream.nullOutputStream());
        } catch (MessagingException | java.io.IOException e) {
            // Priming only saves time: the first real send builds the message again and reports any problem.
        }
    }

    private void deliver(EmailRenderer.Email email, String messageId, String alertId, Duration remaining)
            throws Backoff.Attempt.Failed {
        // Socket timeouts bound each read, not the conversation: a server that answers slowly line by line would
        // outlast the budget. The conversation runs on its own thread and is abandoned when the time is up (its
        // socket timeouts then end it).
        Future<?> conversation = Conversations.POOL.submit(() -> {
            converse(email, messageId, alertId, remaining);
            return null;
        });
        try {
            conversation.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            conversation.cancel(true);
            throw Backoff.Attempt.Failed.retryable("no complete answer from " + settings.host() + ":" + settings.port()
                    + " within the delivery budget");
        } catch (InterruptedException e) {
            conversation.cancel(true);
            Thread.currentThread().interrupt();
            throw Backoff.Attempt.Failed.permanent("interrupted while sending");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MessagingException m) {
                throw classify(m);
            }
            throw Backoff.Attempt.Failed.retryable("could not send (" + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    private void converse(EmailRenderer.Email email, String messageId, String alertId, Duration remaining)
            throws MessagingException {
        Session session = Session.getInstance(properties(remaining));
        MimeMessage message = message(session, email, messageId, alertId);
        try (Transport transport = session.getTransport(settings.security() == SmtpSettings.Security.IMPLICIT_TLS ? "smtps" : "smtp")) {
            if (settings.username() != null) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** Daemon threads for SMTP conversations, shared by all SMTP sinks, created on first send. */
    private static final class Conversations {
        static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "firewatch-smtp");
            t.setDaemon(true);
            return t;
        });
    }

    private MimeMessage message(Session session, EmailRenderer.Email email, String messageId, String alertId)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The same alert always gets the same Message-ID, so mail systems can drop a redelivered copy.
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(address(settings.from()));
        InternetAddress[] to = new InternetAddress[settings.to().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = address(settings.to().get(i));
        }
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(headerValue(email.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Firewatch-Alert-Id", headerValue(alertId));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private Properties properties(Duration remaining) {
        String protocol = settings.security() == SmtpSettings.Security.IMPLICIT_TLS ? "smtps" : "smtp";
        long timeout = Math.max(1, Math.min(remaining.toMillis(), MAX_SOCKET_TIMEOUT.toMillis()));
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "host", settings.host());
        p.setProperty(prefix + "port", Integer.toString(settings.port()));
        p.setProperty(prefix + "auth", Boolean.toString(settings.username() != null));
        p.setProperty(prefix + "connectiontimeout", Long.toString(timeout));
        p.setProperty(prefix + "timeout", Long.toString(timeout));
        p.setProperty(prefix + "writetimeout", Long.toString(timeout));
        switch (settings.security()) {
            case STARTTLS -> {
                p.setProperty(prefix + "starttls.enable", "true");
                p.setProperty(prefix + "starttls.required", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case IMPLICIT_TLS -> {
                p.setProperty(prefix + "ssl.enable", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> p.setProperty(prefix + "starttls.enable", "false");
        }
        return p;
    }

    /** Transient (retry) or permanent (give up), by the SMTP reply code where there is one. */
    private Backoff.Attempt.Failed classify(MessagingException e) {
        String where = settings.host() + ":" + settings.port();
        int code = replyCode(e);
        String reply = Redaction.reply(e.getMessage(), MAX_REPLY, settings.password());
        if (e instanceof AuthenticationFailedException) {
            return Backoff.Attempt.Failed.permanent("SMTP login to " + where + " refused for the configured user"
                    + (reply.isEmpty() ? "" : ": " + reply));
        }
        if (code >= 500) {
            return Backoff.Attempt.Failed.permanent("SMTP " + code + " from " + where + ": " + reply);
        }
        if (code >= 400) {
            return Backoff.Attempt.Failed.retryable("SMTP " + code + " from " + where + ": " + reply);
        }
        if (reply.contains("STARTTLS is required")) {
            return Backoff.Attempt.Failed.permanent(where + " does not offer STARTTLS (set FIREWATCH_SMTP_STARTTLS=false only"
                    + " for a relay on a trusted network)");
        }
        IOException io = ioCause(e);
        String unreachable = Unreachable.reason(io);
        if (unreachable != null) {
            return Backoff.Attempt.Failed.unreachable("cannot reach " + where + ": " + unreachable);
        }
        if (io != null) {
            return Backoff.Attempt.Failed.retryable("connection to " + where + " failed (" + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : ": " + Redaction.reply(io.getMessage(), 120, settings.password())) + ")");
        }
        return Backoff.Attempt.Failed.retryable("SMTP error from " + where + ": " + reply);
    }

    private static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
        }
        if (ioCause(e) != null) {
            return -1;
        }
        Matcher m = REPLY_CODE.matcher(e.getMessage() == null ? "" : e.getMessage());
        return m.find() ? Integer.parseInt(m.group().replaceAll("\\D", "").substring(0, 3)) : -1;
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() != t ? t.getCause() : null) {
            if (t instanceof IOException io) {
                return io;
            }
            if (t instanceof MessagingException m && m.getNextException() instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static InternetAddress address(String value) throws AddressException {
        return new InternetAddress(headerValue(value), true);
    }

    /** Header values never carry line breaks, whatever their origin. */
    static String headerValue(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\u0000\\u2028\\u2029\\u0085]+", " ");
    }

    static String messageId(String alertId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(alertId.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".alert@firewatch.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SmtpSink[" + settings.host() + ":" + settings.port() + "]";
    }
}
