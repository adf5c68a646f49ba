package io.firewatch.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.render.TestAlerts;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpSinkTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP}))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("soc@example.com", "soc", "secret")
                    .withUser("netops@example.com", "netops", "secret2")
                    .withUser("firewatch@example.com", "firewatch", "smtp-pass-123"));

    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 4);

    private static SmtpSettings settings(String password) {
        return new SmtpSettings("127.0.0.1", MAIL.getSmtp().getPort(), SmtpSettings.Security.NONE, "firewatch", password,
                "Firewatch <firewatch@example.com>", List.of("soc@example.com", "netops@example.com"));
    }

    @Test
    void sendsMultipartAlternativeToEveryRecipientReadableOverImap() throws Exception {
        new SmtpSink(settings("smtp-pass-123"), FAST).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(10));

        for (String[] user : new String[][] {{"soc", "secret"}, {"netops", "secret2"}}) {
            List<Message> inbox = imapInbox(user[0], user[1]);
            assertThat(inbox).hasSize(1);
            Message m = inbox.get(0);
            assertThat(m.getSubject()).isEqualTo("[Firewatch CRITICAL] Admin/alice opened tcp/22 (SSH) to the internet"
                    + " on security group web-servers (sg-0123456789abcdef0) in account 111122223333, us-east-1");
            assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("firewatch@example.com");
            assertThat(addresses(m.getRecipients(Message.RecipientType.TO)))
                    .containsExactly("soc@example.com", "netops@example.com");
            assertThat(m.isMimeType("multipart/alternative")).isTrue();
            Multipart parts = (Multipart) m.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            Part text = parts.getBodyPart(0);
            Part html = parts.getBodyPart(1);
            assertThat(text.isMimeType("text/plain")).isTrue();
            assertThat(html.isMimeType("text/html")).isTrue();
            assertThat((String) text.getContent()).contains("Source IP   203.0.113.7");
            assertThat((String) html.getContent()).contains("<html").contains("203.0.113.7");
            assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        }
    }

    @Test
    void eventTextCannotAddHeadersOrMarkup() throws Exception {
        Alert hostile = TestAlerts.hostile();
        new SmtpSink(settings("smtp-pass-123"), FAST).send(hostile, Duration.ofSeconds(10));

        List<Message> inbox = imapInbox("soc", "secret");
        assertThat(inbox).hasSize(1);
        Message m = inbox.get(0);
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getHeader("X-Injected")).isNull();
        List<String> names = new ArrayList<>();
        Collections.list(m.getAllHeaders()).forEach(h -> names.add(h.getName()));
        assertThat(names).doesNotContain("Bcc", "X-Injected");
        assertThat(m.getSubject()).startsWith("[Firewatch CRITICAL] ").doesNotContain("\r", "\n");
        assertThat(m.getHeader("X-Firewatch-Alert-Id")).containsExactly("aws:111122223333:evt-1");
        String html = (String) ((Multipart) m.getContent()).getBodyPart(1).getContent();
        assertThat(html).doesNotContain("<b>html</b>").contains("&lt;b&gt;html&lt;/b&gt;");
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aRefusedLoginIsPermanentAndKeepsThePasswordOut() {
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> new SmtpSink(settings("wrong-password-xyz"), FAST).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(10)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("email: SMTP login to 127.0.0.1:").doesNotContain("wrong-password-xyz");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SmtpSettings nowhere = new SmtpSettings("127.0.0.1", closed, SmtpSettings.Security.NONE, null, null,
                "firewatch@example.com", List.of("soc@example.com"));

        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> new SmtpSink(nowhere, FAST).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(2)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("email: cannot reach 127.0.0.1:" + closed
                + ": connection refused (nothing listens on that port)");
    }

    @Test
    void a4xxReplyIsRetriedAndThenDelivered() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(List.of("451 4.3.0 try again later", "250 ok"))) {
            SmtpSettings relay = new SmtpSettings("127.0.0.1", server.port(), SmtpSettings.Security.NONE, null, null,
                    "firewatch@example.com", List.of("soc@example.com"));

            new SmtpSink(relay, FAST).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(10));

            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.delivered()).isEqualTo(1);
        }
    }

    @Test
    void a5xxReplyFailsAtOnce() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(List.of("550 5.7.1 sender rejected"))) {
            SmtpSettings relay = new SmtpSettings("127.0.0.1", server.port(), SmtpSettings.Security.NONE, null, null,
                    "firewatch@example.com", List.of("soc@example.com"));

            DeliveryException e = catchThrowableOfType(DeliveryException.class,
                    () -> new SmtpSink(relay, FAST).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(10)));

            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).startsWith("email: SMTP 550 from 127.0.0.1:" + server.port());
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.delivered()).isZero();
        }
    }

    @Test
    void aServerThatStallsNeverHoldsTheCallerPastTheBudget() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(List.of("250 ok"), Duration.ofMillis(700))) {
            SmtpSettings relay = new SmtpSettings("127.0.0.1", server.port(), SmtpSettings.Security.NONE, null, null,
                    "firewatch@example.com", List.of("soc@example.com"));

            long start = System.nanoTime();
            DeliveryException e = catchThrowableOfType(DeliveryException.class,
                    () -> new SmtpSink(relay, FAST).send(TestAlerts.sshOpenToWorld(), Duration.ofMillis(1500)));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
            assertThat(e.retryable()).isTrue();
            assertThat(server.delivered()).isZero();
        }
    }

    @Test
    void starttlsIsRequiredNotHopedFor() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(List.of("250 ok"))) {
            SmtpSettings noTls = new SmtpSettings("127.0.0.1", server.port(), SmtpSettings.Security.STARTTLS, "firewatch",
                    "smtp-pass-123", "firewatch@example.com", List.of("soc@example.com"));

            DeliveryException e = catchThrowableOfType(DeliveryException.class,
                    () -> new SmtpSink(noTls, FAST).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(5)));

            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("does not offer STARTTLS").doesNotContain("smtp-pass-123");
            assertThat(server.delivered()).isZero();
        }
    }

    @Test
    void theSameAlertAlwaysHasTheSameMessageId() {
        assertThat(SmtpSink.messageId("aws:1:a")).isEqualTo(SmtpSink.messageId("aws:1:a"))
                .isNotEqualTo(SmtpSink.messageId("aws:1:b")).matches("<[0-9a-f]{32}\\.alert@firewatch\\.invalid>");
    }

    private static List<Message> imapInbox(String user, String password) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.host", "127.0.0.1");
        p.setProperty("mail.imap.port", Integer.toString(MAIL.getImap().getPort()));
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), user, password);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        List<Message> messages = new ArrayList<>();
        for (Message m : inbox.getMessages()) {
            // Read everything while the folder is open.
            m.getContent();
            messages.add(new jakarta.mail.internet.MimeMessage((jakarta.mail.internet.MimeMessage) m));
        }
        inbox.close(false);
        store.close();
        return messages;
    }

    private static List<String> addresses(jakarta.mail.Address[] list) {
        List<String> out = new ArrayList<>();
        for (jakarta.mail.Address a : list) {
            out.add(((InternetAddress) a).getAddress());
        }
        return out;
    }
}
