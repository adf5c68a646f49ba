package io.firewatch.azure;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs after {@code package} in a fresh JVM (see the module pom): checks the function.json files, then loads the
 * packaged app from its own jar and {@code lib/} alone, under a parent loader holding only what the Java worker
 * provides (the Functions core library), and invokes both functions on complete events. Uses the JDK only, so
 * nothing of the build's class path leaks into the app.
 */
public final class PackagedAppCheck {
    private PackagedAppCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        Path events = Path.of(args[1]);
        Path workerLibrary = Path.of(args[2]);

        check(Files.readString(app.resolve("host.json")).contains("Microsoft.Azure.Functions.ExtensionBundle"),
                "host.json names the extension bundle");
        String eventGrid = Files.readString(app.resolve("FirewallEventGrid/function.json"));
        check(has(eventGrid, "type", "eventGridTrigger"), "FirewallEventGrid is an eventGridTrigger");
        check(has(eventGrid, "entryPoint", "io.firewatch.azure.FirewallEventGrid.run"), "FirewallEventGrid entry point");
        String activityLog = Files.readString(app.resolve("FirewallActivityLog/function.json"));
        check(has(activityLog, "type", "eventHubTrigger"), "FirewallActivityLog is an eventHubTrigger");
        check(has(activityLog, "cardinality", "MANY"), "FirewallActivityLog takes batches");
        check(has(activityLog, "connection", "FIREWATCH_EVENTHUB"), "FirewallActivityLog connection setting");
        check(has(activityLog, "entryPoint", "io.firewatch.azure.FirewallActivityLog.run"), "FirewallActivityLog entry point");
        String warmup = Files.readString(app.resolve("warmup/function.json"));
        check(has(warmup, "type", "warmupTrigger"), "warmup is a warmupTrigger");
        check(has(warmup, "entryPoint", "io.firewatch.azure.Warmup.run"), "warmup entry point");
        for (String json : List.of(eventGrid, activityLog, warmup)) {
            String script = value(json, "scriptFile");
            check(script != null && Files.isRegularFile(app.resolve("FirewallEventGrid").resolve(script).normalize()),
                    "scriptFile " + script + " exists");
        }

        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(app)) {
            jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> urls.add(url(p)));
        }
        try (Stream<Path> jars = Files.list(app.resolve("lib"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> urls.add(url(p)));
        }
        check(urls.size() > 2, "the app jar and its libraries");
        ClassLoader worker = new URLClassLoader(new URL[] {url(workerLibrary)}, ClassLoader.getPlatformClassLoader());
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), worker)) {
            Class<?> context = loader.loadClass("com.microsoft.azure.functions.ExecutionContext");

            List<String> log = new ArrayList<>();
            invoke(loader, context, "io.firewatch.azure.Warmup", "warmup", new Object(), log);
            check(log.contains("INFO Firewatch warmed up: 3 built-in event(s) judged, sinks primed"),
                    "the warmup function primed every provider's built-in event: " + log);

            log.clear();
            invoke(loader, context, "io.firewatch.azure.FirewallEventGrid", "FirewallEventGrid",
                    Files.readString(events.resolve("eventgrid-security-rule-write.json")), log);
            check(log.stream().anyMatch(l -> l.startsWith("INFO alert azure:") && l.contains("event=9c1e5a3b-7d2f-4e8a-b6c4-1f0e9d8c7b6a")),
                    "the Event Grid event gave an alert: " + log);

            log.clear();
            invoke(loader, context, "io.firewatch.azure.FirewallActivityLog", "FirewallActivityLog", new String[] {
                    Files.readString(events.resolve("activitylog-message-1.json")),
                    Files.readString(events.resolve("activitylog-message-2.json"))}, log);
            check(log.stream().filter(l -> l.startsWith("INFO alert azure:")).count() == 1,
                    "the Activity Log batch gave one alert: " + log);

            log.clear();
            Throwable failure = null;
            try {
                invoke(loader, context, "io.firewatch.azure.FirewallEventGrid", "FirewallEventGrid", "{\"id\":\"broken-1\",", log);
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            }
            check(failure != null && failure.getClass().getName().equals("io.firewatch.azure.InvocationFailedException"),
                    "a broken event fails the invocation (got " + failure + ")");
            check(failure.getClass().getClassLoader() == loader, "the failure comes from the packaged classes");
        }
        System.out.println("packaged function app: function.json files, extension bundle and a run from lib/ alone: OK");
    }

    private static void invoke(ClassLoader loader, Class<?> contextType, String className, String functionName, Object input,
                               List<String> log) throws Exception {
        Class<?> function = loader.loadClass(className);
        Object instance = function.getConstructor().newInstance();
        Method run = function.getMethod("run", input.getClass(), contextType);
        run.invoke(instance, input, context(contextType, functionName, log));
    }

    private static Object context(Class<?> type, String functionName, List<String> log) {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                log.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        logger.setLevel(Level.ALL);
        String invocationId = UUID.randomUUID().toString();
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, a) -> switch (method.getName()) {
            case "getLogger" -> logger;
            case "getInvocationId" -> invocationId;
            case "getFunctionName" -> functionName;
            case "toString" -> "ExecutionContext[" + functionName + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == a[0];
            default -> null;
        });
    }

    private static boolean has(String json, String key, String value) {
        return value.equals(value(json, key));
    }

    private static String value(String json, String key) {
        var m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("packaged function app check failed: " + what);
            System.exit(1);
        }
    }
}
