package io.firewatch.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cold-start benchmark, run by {@code bench/aws-cold-start.sh} (not a test). Both modes deliver a critical alert to a
 * local SNS stand-in, so the figures include building the SDK client and the first signed HTTPS-less publish.
 * <ul>
 * <li>{@code jvm}: in this fresh JVM, the time from JVM start to main, the handler's init (constructor and
 * priming, as the public constructor does), and the first and second invocations of {@code handleRequest}.</li>
 * <li>{@code ric CLASSPATH}: starts the real Lambda runtime client in a fresh JVM against a Runtime API stand-in
 * and measures from process start to the first answer, then a warm invocation.</li>
 * </ul>
 * Prints one {@code key=value} line per run for the script to aggregate.
 */
public final class ColdStartBench {
    private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:firewatch-alerts";

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        long uptimeAtMain = ManagementFactory.getRuntimeMXBean().getUptime();
        String mode = args.length > 0 ? args[0] : "jvm";
        try (SnsStandIn sns = new SnsStandIn()) {
            if (mode.equals("jvm")) {
                jvm(sns, uptimeAtMain);
            } else {
                ric(sns, args[1]);
            }
        }
        System.exit(0);
    }

    private static void jvm(SnsStandIn sns, long uptimeAtMain) throws IOException {
        System.setProperty("aws.endpointUrl", sns.url());
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.accessKeyId", "AKIDBENCH");
        System.setProperty("aws.secretAccessKey", "bench-secret");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> env = new java.util.HashMap<>(Map.of("FIREWATCH_SNS_TOPIC_ARN", TOPIC));
        // With FIREWATCH_DEDUP_TABLE set (and a dynalite endpoint), the figures include the delivery claims.
        for (String name : List.of("FIREWATCH_DEDUP_TABLE", "AWS_ENDPOINT_URL_DYNAMODB")) {
            if (System.getenv(name) != null) {
                env.put(name, System.getenv(name));
            }
        }
        EventBridgeHandler handler = new EventBridgeHandler(env,
                ref -> "unused", java.time.Clock.systemUTC(), quiet);
        handler.prime(env);
        long t1 = System.nanoTime();
        invoke(handler, Events.SSH_WORLD);
        long t2 = System.nanoTime();
        long firstAnswer = System.currentTimeMillis();
        invoke(handler, Events.DELETE_SG);
        long t3 = System.nanoTime();
        System.out.printf("mode=jvm jvm_to_main_ms=%d init_ms=%d first_invocation_ms=%d second_invocation_ms=%d jvm_start_to_first_answer_ms=%d published=%d%n",
                uptimeAtMain, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), firstAnswer - jvmStart, sns.published.get());
    }

    private static void invoke(EventBridgeHandler handler, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Events.bytes(event)), out, new TestContext("bench", 60_000));
    }

    private static void ric(SnsStandIn sns, String classPath) throws Exception {
        try (RuntimeApiStub api = new RuntimeApiStub()) {
            ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", classPath, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                    "io.firewatch.aws.EventBridgeHandler::handleRequest"));
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("FIREWATCH_"));
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "firewatch");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
            env.put("AWS_REGION", "eu-west-1");
            env.put("AWS_ACCESS_KEY_ID", "AKIDBENCH");
            env.put("AWS_SECRET_ACCESS_KEY", "bench-secret");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_CONFIG_FILE", "/nonexistent/firewatch-bench");
            env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/firewatch-bench");
            env.put("AWS_ENDPOINT_URL", sns.url());
            env.put("FIREWATCH_SNS_TOPIC_ARN", TOPIC);
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                RuntimeApiStub.Answer first = api.invoke(Events.bytes(Events.SSH_WORLD), 60_000).get(60, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                RuntimeApiStub.Answer second = api.invoke(Events.bytes(Events.DELETE_SG), 60_000).get(60, TimeUnit.SECONDS);
                long t2 = System.nanoTime();
                System.out.printf("mode=ric process_start_to_first_answer_ms=%d second_invocation_ms=%d errors=%d published=%d%n",
                        ms(t1 - t0), ms(t2 - t1), (first.error() ? 1 : 0) + (second.error() ? 1 : 0), sns.published.get());
            } finally {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Answers every SNS Publish with a fixed message id and counts them. */
    private static final class SnsStandIn implements AutoCloseable {
        final AtomicInteger published = new AtomicInteger();
        private final HttpServer server;

        SnsStandIn() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    if (body.contains("Action=Publish")) {
                        published.incrementAndGet();
                    }
                    byte[] reply = SnsRequests.publishResponse("bench-0001").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/xml");
                    exchange.sendResponseHeaders(200, reply.length);
                    exchange.getResponseBody().write(reply);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
