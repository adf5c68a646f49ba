package io.firewatch.bench;

import io.firewatch.core.Firewatch;
import io.firewatch.core.Scan;
import io.firewatch.core.config.FirewatchConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-record path without the JVM start: one CloudTrail log file of one record read, normalized, detected and
 * turned into an alert; and one record of an unwatched operation, which the prefilter skips. Run with bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordPathBenchmark {
    private static final String IDENTITY = "\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\","
            + "\"principalId\":\"AROAEXAMPLE:ops\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/Ops/ops\","
            + "\"accountId\":\"111122223333\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\","
            + "\"arn\":\"arn:aws:iam::111122223333:role/Ops\",\"accountId\":\"111122223333\",\"userName\":\"Ops\"},"
            + "\"attributes\":{\"creationDate\":\"2026-11-27T11:00:00Z\",\"mfaAuthenticated\":\"true\"}}},"
            + "\"eventTime\":\"2026-11-27T13:04:12Z\",";
    private static final String TAIL = ",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.77\","
            + "\"userAgent\":\"aws-cli/2.15.30 Python/3.11.8\",\"requestID\":\"7f1c2d3e-0000-4000-8000-000000000001\","
            + "\"eventID\":\"7f1c2d3e-0000-4000-8000-000000000002\",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
            + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\","
            + "\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"ec2.eu-west-1.amazonaws.com\"}}";

    private final Firewatch firewatch = new Firewatch(FirewatchConfig.defaults());
    private final byte[] change = ("{\"Records\":[{" + IDENTITY + "\"eventSource\":\"ec2.amazonaws.com\","
            + "\"eventName\":\"AuthorizeSecurityGroupIngress\",\"requestParameters\":{\"groupId\":\"sg-0123456789abcdef0\","
            + "\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"groups\":{},"
            + "\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\",\"description\":\"ssh\"}]},\"ipv6Ranges\":{},"
            + "\"prefixListIds\":{}}]}},\"responseElements\":{\"_return\":true},\"readOnly\":false" + TAIL + "]}")
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] unwatched = ("{\"Records\":[{" + IDENTITY + "\"eventSource\":\"sts.amazonaws.com\","
            + "\"eventName\":\"AssumeRole\",\"requestParameters\":{\"roleArn\":\"arn:aws:iam::111122223333:role/Ops\","
            + "\"roleSessionName\":\"ops\",\"durationSeconds\":3600},\"responseElements\":null,\"readOnly\":true" + TAIL + "]}")
            .getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public void firewallChangeToAlert(Blackhole sink) {
        Scan scan = firewatch.newScan(sink::consume);
        sink.consume(scan.read(change, "bench"));
        scan.finish();
    }

    @Benchmark
    public void unwatchedRecordSkipped(Blackhole sink) {
        Scan scan = firewatch.newScan(sink::consume);
        sink.consume(scan.read(unwatched, "bench"));
        scan.finish();
    }
}
