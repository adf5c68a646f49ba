package io.firewatch.core.catalog;

import io.firewatch.core.model.Action;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operations Firewatch watches, read from {@code catalog/aws.csv}, {@code azure.csv} and {@code gcp.csv}. The
 * Terraform modules' event filters are tested against the same files, so adding an operation is one CSV line.
 */
public final class OperationCatalog {
    static final String HEADER = "service,operation,resourceType,action,target,rules,resourceId,resourceName,requires,note";
    private static final Pattern GCP_VERSION = Pattern.compile("^(v1|beta|alpha)\\.");

    private final Map<Provider, List<Operation>> byProvider;
    private final Map<String, Operation> aws = new HashMap<>();
    private final Map<String, List<Operation>> awsByName = new HashMap<>();
    private final Map<String, Operation> azure = new HashMap<>();
    private final Map<String, Operation> gcp = new HashMap<>();

    private OperationCatalog(Map<Provider, List<Operation>> byProvider) {
        this.byProvider = byProvider;
        for (Operation op : byProvider.get(Provider.AWS)) {
            aws.put(op.service() + " " + op.operation(), op);
            awsByName.computeIfAbsent(op.operation(), k -> new ArrayList<>()).add(op);
        }
        for (Operation op : byProvider.get(Provider.AZURE)) {
            azure.put(op.operation().toLowerCase(Locale.ROOT), op);
        }
        for (Operation op : byProvider.get(Provider.GCP)) {
            gcp.put(op.operation(), op);
        }
    }

    /** The catalogue shipped with Firewatch. */
    public static OperationCatalog load() {
        Map<Provider, List<Operation>> all = new HashMap<>();
        for (Provider p : Provider.values()) {
            all.put(p, read(p));
        }
        return new OperationCatalog(all);
    }

    public List<Operation> operations(Provider provider) {
        return byProvider.get(provider);
    }

    /**
     * An AWS operation by event source and name. Where the source is not an AWS service name (redacted test data),
     * the name alone decides if it is unambiguous.
     */
    public Operation aws(String eventSource, String eventName) {
        Operation op = aws.get(eventSource + " " + eventName);
        if (op == null && (eventSource == null || !eventSource.endsWith(".amazonaws.com"))) {
            List<Operation> candidates = awsByName.getOrDefault(eventName, List.of());
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
        }
        return op;
    }

    /** An Azure operation by name, in any of the three casings. */
    public Operation azure(String operationName) {
        return operationName == null ? null : azure.get(operationName.strip().toLowerCase(Locale.ROOT));
    }

    /** A GCP method, with or without its API version prefix for compute methods. */
    public Operation gcp(String methodName) {
        if (methodName == null) {
            return null;
        }
        Operation op = gcp.get(methodName);
        if (op == null) {
            op = gcp.get(GCP_VERSION.matcher(methodName).replaceFirst(""));
            if (op != null && !op.service().equals("compute.googleapis.com")) {
                return null;
            }
        }
        return op;
    }

    private static List<Operation> read(Provider provider) {
        String file = provider.wire() + ".csv";
        try (InputStream in = OperationCatalog.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("catalog file missing: " + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException(file + ": header must be " + HEADER);
            }
            List<Operation> ops = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                ops.add(parse(provider, file, lineNo, line));
            }
            return List.copyOf(ops);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Operation parse(Provider provider, String file, int lineNo, String line) {
        String[] c = line.split(",", 10);
        if (c.length != 10) {
            throw new IllegalStateException(file + ":" + lineNo + ": expected 10 columns, found " + c.length);
        }
        try {
            return new Operation(provider, c[0], c[1], c[2], Action.fromWire(c[3]), Target.fromWire(c[4]), c[5],
                    paths(c[6]), paths(c[7]), c[8].isBlank() ? null : c[8].strip(), c[9]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ":" + lineNo + ": " + e.getMessage(), e);
        }
    }

    private static List<String> paths(String cell) {
        return cell.isBlank() ? List.of() : Arrays.asList(cell.strip().split("\\s+"));
    }
}
