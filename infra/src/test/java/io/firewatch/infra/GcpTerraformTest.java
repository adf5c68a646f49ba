package io.firewatch.infra;

import static io.firewatch.infra.support.GcpHcl.at;
import static io.firewatch.infra.support.GcpHcl.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Provider;
import io.firewatch.infra.support.GcpHcl;
import io.firewatch.infra.support.GcpHclLogFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GCP Terraform ({@code infra/gcp}) read with hcl4j: the log sink filter selects exactly the GCP operations of
 * core's catalogue, and the wiring respects the limits and gotchas of research/infra.md §3 and §4.
 */
class GcpTerraformTest {
    private static final List<String> VERSION_PREFIXES = List.of("v1", "beta", "alpha");
    private static final String ACTIVITY = "projects/acme-web-prod/logs/cloudaudit.googleapis.com%2Factivity";

    private static Path dir;
    private static GcpHcl module;
    private static String filter;
    private static GcpHclLogFilter query;
    private static List<Operation> catalogue;

    @BeforeAll
    static void parse() throws Exception {
        dir = GcpHcl.moduleDir();
        module = GcpHcl.parse(dir);
        filter = GcpHcl.flushHeredoc(String.valueOf(module.local("log_filter")));
        query = new GcpHclLogFilter(filter);
        catalogue = OperationCatalog.load().operations(Provider.GCP);
    }

    /** The method names a client may log for a catalogue operation. */
    private static Set<String> loggedNames(Operation op) {
        if (op.service().equals("compute.googleapis.com")) {
            Set<String> names = new LinkedHashSet<>();
            VERSION_PREFIXES.forEach(p -> names.add(p + "." + op.operation()));
            return names;
        }
        return Set.of(op.operation());
    }

    private static boolean selects(String logName, String service, String method) {
        return query.matches(Map.of("logName", logName, "protoPayload.serviceName", service, "protoPayload.methodName", method));
    }

    @Test
    void filterSelectsEveryCatalogueOperationUnderEveryVersionPrefix() {
        assertThat(catalogue).hasSizeGreaterThan(50);
        List<String> missed = new ArrayList<>();
        for (Operation op : catalogue) {
            for (String method : loggedNames(op)) {
                if (!selects(ACTIVITY, op.service(), method)
                        || !selects("organizations/123456789012/logs/cloudaudit.googleapis.com%2Factivity", op.service(), method)
                        || !selects("folders/998877/logs/cloudaudit.googleapis.com%2Factivity", op.service(), method)) {
                    missed.add(op.service() + " " + method);
                }
            }
        }
        assertThat(missed).as("catalogue operations the sink would not forward").isEmpty();
    }

    @Test
    void filterSelectsNothingOutsideTheCatalogue() {
        Set<String> watched = new TreeSet<>();
        Set<String> collections = new TreeSet<>();
        Set<String> verbs = new TreeSet<>(List.of("get", "list", "aggregatedList", "getRule", "getAssociation",
                "testIamPermissions", "setIamPolicy", "setLabels", "listAssociations", "addPacketMirroringRule", "insert", "delete"));
        for (Operation op : catalogue) {
            watched.addAll(loggedNames(op));
            if (op.service().equals("compute.googleapis.com")) {
                String[] parts = op.operation().split("\\.");
                collections.add(parts[1]);
                verbs.add(parts[2]);
            }
        }
        collections.addAll(List.of("routes", "networks", "subnetworks", "instances", "addresses", "targetPools",
                "globalForwardingRules", "forwardingRules", "backendServiceGroups", "firewall", "firewallRules", "sslPolicies"));

        List<String> candidates = new ArrayList<>();
        for (String prefix : List.of("v1", "beta", "alpha", "v2", "v1beta1", "")) {
            for (String collection : collections) {
                for (String verb : verbs) {
                    String method = "compute." + collection + "." + verb;
                    candidates.add(prefix.isEmpty() ? method : prefix + "." + method);
                }
            }
        }
        for (String name : watched) {
            candidates.addAll(List.of(name + "X", name + "s", name + ".get", "x" + name, name.toLowerCase(java.util.Locale.ROOT) + "_"));
        }
        candidates.addAll(List.of("v1.compute.routes.insert", "v1.compute.firewalls.insertX", "v1.compute.firewalls.insert.run",
                "xv1.compute.firewalls.insert", "v1xcompute.firewalls.insert", "v1.computexfirewalls.insert",
                "V1.compute.firewalls.insert", "v1.compute.Firewalls.insert", "v1.compute.firewalls.Insert",
                "v1.compute.firewalls.", "v1.compute.firewalls", "compute.googleapis.com"));

        List<String> leaks = new ArrayList<>();
        for (String method : candidates) {
            if (!watched.contains(method) && selects(ACTIVITY, "compute.googleapis.com", method)) {
                leaks.add(method);
            }
        }
        for (String method : List.of("google.appengine.v1.Firewall.UpdateIngressRules", "google.appengine.v1.Firewall.BatchUpdateIngressRulesX",
                "google.appengine.v1.Firewall.ListIngressRules", "google.appengine.v1.Firewall.GetIngressRule",
                "google.appengine.v1alpha.Firewall.CreateIngressRule", "google.appengine.v1.Firewall.CreateIngressRuleX",
                "google.appengine.v1.Applications.UpdateApplication", "google.appengine.v1xFirewall.CreateIngressRule")) {
            if (selects(ACTIVITY, "appengine.googleapis.com", method)) {
                leaks.add(method);
            }
        }
        assertThat(candidates).hasSizeGreaterThan(1000);
        assertThat(leaks).as("operations outside the catalogue the sink would forward").isEmpty();
    }

    @Test
    void filterKeepsEachMethodToItsServiceAndToAdminActivityLogs() {
        for (Operation op : catalogue) {
            String other = op.service().equals("compute.googleapis.com") ? "appengine.googleapis.com" : "compute.googleapis.com";
            for (String method : loggedNames(op)) {
                assertThat(selects(ACTIVITY, other, method)).as("%s under %s", method, other).isFalse();
                assertThat(selects("projects/acme-web-prod/logs/cloudaudit.googleapis.com%2Fdata_access", op.service(), method))
                        .as("%s in the Data Access log", method).isFalse();
                assertThat(selects("projects/acme-web-prod/logs/compute.googleapis.com%2Factivity_log", op.service(), method))
                        .as("%s in a non-audit log", method).isFalse();
            }
        }
    }

    @Test
    void filterFitsCloudLoggingLimits() {
        assertThat(filter.length()).isLessThanOrEqualTo(20_000);
        assertThat(query.comparisons()).allSatisfy(c -> assertThat(c[2]).doesNotContain("\\"));
    }

    @Test
    void projectSinkForwardsTheFilterToTheTopicAndMayPublish() {
        Map<String, Object> sink = module.resource("google_logging_project_sink", "audit_logs");
        assertThat(GcpHcl.flushHeredoc(text(sink, "filter"))).isEqualTo(filter);
        assertThat(text(sink, "destination")).isEqualTo("pubsub.googleapis.com/google_pubsub_topic.audit_logs.id");
        assertThat(at(sink, "unique_writer_identity")).isEqualTo(true);

        Map<String, Object> grant = module.resource("google_pubsub_topic_iam_member", "project_sink_publisher");
        assertThat(text(grant, "topic")).isEqualTo("google_pubsub_topic.audit_logs.name");
        assertThat(text(grant, "role")).isEqualTo("roles/pubsub.publisher");
        assertThat(text(grant, "member")).startsWith("google_logging_project_sink.audit_logs").endsWith(".writer_identity");

        assertThat(text(module.block("output"), "log_filter", "value")).isEqualTo("local.log_filter");
    }

    @Test
    void organizationExampleUsesAggregatedSinksWithIncludeChildren() throws Exception {
        GcpHcl example = GcpHcl.parse(dir.resolve("examples/organization"));
        Map<String, Object> firewatch = GcpHcl.cast(at(example.block("module"), "firewatch"));
        assertThat(text(firewatch, "source")).isEqualTo("../..");
        assertThat(at(firewatch, "create_project_sink")).isEqualTo(false);

        for (String type : List.of("google_logging_organization_sink", "google_logging_folder_sink")) {
            Map<String, Object> sink = example.resource(type, "firewall_changes");
            assertThat(at(sink, "include_children")).as(type).isEqualTo(true);
            assertThat(text(sink, "filter")).as(type).isEqualTo("module.firewatch.log_filter");
            assertThat(text(sink, "destination")).as(type).isEqualTo("pubsub.googleapis.com/module.firewatch.topic_id");
        }
        Map<String, Object> grant = example.resource("google_pubsub_topic_iam_member", "sink_publisher");
        assertThat(text(grant, "role")).isEqualTo("roles/pubsub.publisher");
        assertThat(text(grant, "topic")).isEqualTo("module.firewatch.topic_name");
        assertThat(Files.readString(dir.resolve("examples/organization/main.tf")))
                .contains("google_logging_organization_sink.firewall_changes[*].writer_identity")
                .contains("google_logging_folder_sink.firewall_changes[*].writer_identity");
    }

    @Test
    void pushSubscriptionRetriesDeadLettersAuthenticatesAndNeverExpires() {
        Map<String, Object> push = module.resource("google_pubsub_subscription", "push");
        assertThat(text(push, "topic")).isEqualTo("google_pubsub_topic.audit_logs.id");
        assertThat(text(push, "push_config", "push_endpoint")).isEqualTo("google_cloudfunctions2_function.this.service_config.value.uri");
        assertThat(text(push, "push_config", "oidc_token", "service_account_email")).isEqualTo("google_service_account.push.email");
        assertThat(text(push, "dead_letter_policy", "dead_letter_topic")).isEqualTo("google_pubsub_topic.dead_letter.id");
        assertThat(text(push, "dead_letter_policy", "max_delivery_attempts")).isEqualTo("var.max_delivery_attempts");
        assertThat(text(push, "retry_policy", "minimum_backoff")).isEqualTo("10s");
        assertThat(text(push, "retry_policy", "maximum_backoff")).isEqualTo("600s");

        Map<String, Object> attempts = GcpHcl.cast(at(module.block("variable"), "max_delivery_attempts"));
        double def = ((Number) attempts.get("default")).doubleValue();
        assertThat(def).isBetween(5.0, 100.0);
        assertThat(Files.exists(dir.resolve("variables.tf"))).isTrue();
        assertThat(text(attempts, "validation", "error_message")).contains("5 to 100");

        Map<String, Object> timeout = GcpHcl.cast(at(module.block("variable"), "function_timeout_seconds"));
        assertThat(((Number) timeout.get("default")).doubleValue() + 30).isBetween(10.0, 600.0);
    }

    @Test
    void everySubscriptionNeverExpiresAndTheDeadLetterTopicHasOne() {
        Map<String, Map<String, Object>> subscriptions = module.resources("google_pubsub_subscription");
        assertThat(subscriptions).containsKeys("push", "dead_letter");
        subscriptions.forEach((name, s) -> assertThat(at(s, "expiration_policy", "ttl")).as(name).isEqualTo(""));
        assertThat(text(subscriptions.get("dead_letter"), "topic")).isEqualTo("google_pubsub_topic.dead_letter.id");
    }

    @Test
    void pubSubServiceAgentHoldsItsTwoDeadLetterGrants() {
        // hcl4j resolves the local: the agent of the function's project, by project number.
        String agent = "serviceAccount:service-data.google_project.this.number@gcp-sa-pubsub.iam.gserviceaccount.com";
        assertThat(String.valueOf(module.local("pubsub_service_agent"))).isEqualTo(agent);

        Map<String, Object> publisher = module.resource("google_pubsub_topic_iam_member", "dead_letter_publisher");
        assertThat(text(publisher, "topic")).isEqualTo("google_pubsub_topic.dead_letter.name");
        assertThat(text(publisher, "role")).isEqualTo("roles/pubsub.publisher");
        assertThat(text(publisher, "member")).isEqualTo(agent);

        Map<String, Object> subscriber = module.resource("google_pubsub_subscription_iam_member", "dead_letter_subscriber");
        assertThat(text(subscriber, "subscription")).isEqualTo("google_pubsub_subscription.push.name");
        assertThat(text(subscriber, "role")).isEqualTo("roles/pubsub.subscriber");
        assertThat(text(subscriber, "member")).isEqualTo(agent);
    }

    @Test
    void functionRunsJava21WithItsOwnIdentitiesAndSecretsFromSecretManager() {
        Map<String, Object> fn = module.resource("google_cloudfunctions2_function", "this");
        assertThat(text(fn, "build_config", "runtime")).isEqualTo("java21");
        assertThat(text(fn, "build_config", "entry_point")).isEqualTo("io.firewatch.gcp.AuditLogFunction");
        assertThat(text(fn, "build_config", "service_account")).isEqualTo("google_service_account.build.id");
        assertThat(text(fn, "service_config", "service_account_email")).isEqualTo("google_service_account.runtime.email");
        assertThat(text(fn, "service_config", "ingress_settings")).isEqualTo("ALLOW_INTERNAL_ONLY");
        assertThat(text(fn, "service_config", "dynamic", "secret_environment_variables", "for_each")).isEqualTo("local.secret_environment");
        // Google provider 7: an event_trigger needs its event_type; this deployment has none (the push subscription delivers).
        Object trigger = at(fn, "event_trigger");
        assertThat(trigger == null || at(trigger, "event_type") != null).isTrue();

        Map<String, Object> access = module.resource("google_secret_manager_secret_iam_member", "runtime_secret_access");
        assertThat(text(access, "for_each")).isEqualTo("local.secret_environment");
        assertThat(text(access, "role")).isEqualTo("roles/secretmanager.secretAccessor");
        assertThat(text(access, "member")).isEqualTo("google_service_account.runtime.member");

        Map<String, Object> invoker = module.resource("google_cloud_run_service_iam_member", "push_invoker");
        assertThat(text(invoker, "role")).isEqualTo("roles/run.invoker");
        assertThat(text(invoker, "member")).isEqualTo("google_service_account.push.member");

        assertThat(module.resources("google_service_account")).containsOnlyKeys("runtime", "build", "push");
    }

    @Test
    void secretSettingsCannotBePassedAsPlainEnvironment() {
        Map<String, Object> environment = GcpHcl.cast(at(module.block("variable"), "environment"));
        assertThat(text(environment, "validation", "error_message"))
                .contains("FIREWATCH_TEAMS_WEBHOOK_URL").contains("FIREWATCH_SMTP_PASSWORD");
    }

    @Test
    void alertPoliciesWatchFunctionFailuresAndTheDeadLetterBacklog() {
        Map<String, Map<String, Object>> policies = module.resources("google_monitoring_alert_policy");
        assertThat(policies).containsKeys("function_errors", "dead_letter_backlog");
        assertThat(text(policies.get("function_errors"), "conditions", "condition_threshold", "filter"))
                .contains("run.googleapis.com/request_count").contains("5xx").contains("cloud_run_revision");
        assertThat(text(policies.get("dead_letter_backlog"), "conditions", "condition_threshold", "filter"))
                .contains("pubsub.googleapis.com/subscription/num_undelivered_messages")
                .contains("google_pubsub_subscription.dead_letter.name");
        policies.forEach((name, p) -> assertThat(text(p, "notification_channels")).as(name).isEqualTo("local.notification_channels"));
    }

    @Test
    void everyAlertPolicyTellsSomeoneAndLogExportErrorsAreWatched() throws Exception {
        String monitoring = Files.readString(dir.resolve("monitoring.tf"));
        assertThat(monitoring).contains("notification_channels = concat(var.notification_channels, [for channel in google_monitoring_notification_channel.email : channel.id])");
        Map<String, Object> email = module.resource("google_monitoring_notification_channel", "email");
        assertThat(text(email, "type")).isEqualTo("email");
        assertThat(monitoring).contains("resource \"google_monitoring_notification_channel\" \"email\" {\n  for_each = toset(var.alert_emails)");
        // No channel at all refuses to deploy: an alert policy that tells no one is a silent loss.
        assertThat(at(module.resource("google_monitoring_alert_policy", "function_errors"), "lifecycle", "precondition")).isNotNull();
        assertThat(monitoring).contains("condition     = length(var.notification_channels) + length(var.alert_emails) > 0");

        Map<String, Map<String, Object>> policies = module.resources("google_monitoring_alert_policy");
        assertThat(policies).containsOnlyKeys("function_errors", "dead_letter_backlog", "log_export_errors");
        assertThat(text(policies.get("log_export_errors"), "conditions", "condition_threshold", "filter"))
                .isEqualTo("metric.type = \"logging.googleapis.com/exports/error_count\"");
        // Dead letters waiting keep the incident open and re-announced.
        assertThat(text(policies.get("dead_letter_backlog"), "alert_strategy", "notification_channel_strategy", "renotify_interval"))
                .isEqualTo("1800s");
    }

    @Test
    void deadLettersAreKeptThirtyOneDays() {
        assertThat(text(module.resource("google_pubsub_subscription", "dead_letter"), "message_retention_duration")).isEqualTo("2678400s");
    }

    @Test
    void theFirstBuildAndThePushSubscriptionWaitForIamPropagation() throws Exception {
        assertThat(text(module.block("terraform"), "required_providers", "time", "source")).isEqualTo("hashicorp/time");
        Map<String, Object> fn = module.resource("google_cloudfunctions2_function", "this");
        assertThat(String.valueOf(at(fn, "depends_on"))).contains("time_sleep.iam_propagation");
        Map<String, Object> wait = module.resource("time_sleep", "iam_propagation");
        assertThat(text(wait, "create_duration")).isEqualTo("var.iam_propagation_wait");
        assertThat(String.valueOf(at(wait, "depends_on"))).contains("google_project_iam_member.build_log_writer",
                "google_storage_bucket_iam_member.build_source_reader",
                "google_artifact_registry_repository_iam_member.build_image_writer",
                "google_secret_manager_secret_iam_member.runtime_secret_access", "google_project_iam_member.runtime_claims");

        Map<String, Object> push = module.resource("google_pubsub_subscription", "push");
        assertThat(String.valueOf(at(push, "depends_on"))).contains("time_sleep.service_agent_grants");
        assertThat(String.valueOf(at(module.resource("time_sleep", "service_agent_grants"), "depends_on"))).contains(
                "google_cloud_run_service_iam_member.push_invoker", "google_pubsub_topic_iam_member.dead_letter_publisher",
                "google_service_account_iam_member.pubsub_token_creator");
        Map<String, Object> variable = GcpHcl.cast(at(module.block("variable"), "iam_propagation_wait"));
        assertThat(String.valueOf(variable.get("default"))).matches("[0-9]+s");
    }

    @Test
    void buildAccountWritesOnlyItsRepositoryAndReadsOnlyTheSourceBucket() throws Exception {
        Map<String, Object> fn = module.resource("google_cloudfunctions2_function", "this");
        assertThat(text(fn, "build_config", "docker_repository")).isEqualTo("google_artifact_registry_repository.functions.id");
        Map<String, Object> reader = module.resource("google_storage_bucket_iam_member", "build_source_reader");
        assertThat(text(reader, "bucket")).isEqualTo("google_storage_bucket.source.name");
        assertThat(text(reader, "role")).isEqualTo("roles/storage.objectViewer");
        assertThat(text(reader, "member")).isEqualTo("google_service_account.build.member");
        Map<String, Object> writer = module.resource("google_artifact_registry_repository_iam_member", "build_image_writer");
        assertThat(text(writer, "repository")).isEqualTo("google_artifact_registry_repository.functions.name");
        assertThat(text(writer, "role")).isEqualTo("roles/artifactregistry.writer");
        assertThat(text(writer, "member")).isEqualTo("google_service_account.build.member");

        // Project-wide grants: the two log writers and (with a claim store) the conditioned datastore.user; nothing else.
        Map<String, String> projectRoles = new java.util.TreeMap<>();
        module.resources("google_project_iam_member").forEach((name, grant) -> projectRoles.put(name, text(grant, "role")));
        assertThat(projectRoles).containsOnlyKeys("runtime_log_writer", "build_log_writer", "runtime_claims", "runtime_response");
        assertThat(projectRoles.get("runtime_log_writer")).isEqualTo("roles/logging.logWriter");
        assertThat(projectRoles.get("build_log_writer")).isEqualTo("roles/logging.logWriter");
        assertThat(GcpHcl.tfFiles(dir).stream().filter(f -> !f.toString().contains("examples")).map(f -> {
            try {
                return Files.readString(f);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).noneSatisfy(t -> assertThat(t).contains("roles/storage.objectAdmin"));
    }

    @Test
    void claimStoreIsANativeDatabaseWithATtlPolicyAndAGrantOnItAlone() throws Exception {
        Map<String, Object> database = module.resource("google_firestore_database", "claims");
        assertThat(text(database, "type")).isEqualTo("FIRESTORE_NATIVE");
        String firestore = Files.readString(dir.resolve("firestore.tf"));
        assertThat(firestore).contains("  name                    = local.dedup_database\n");
        assertThat(firestore).contains("count = var.dedup_enabled && var.dedup_create_database ? 1 : 0")
                .contains("dedup_database = var.dedup_create_database ? \"${var.name_prefix}-claims\" : var.dedup_database");

        Map<String, Object> ttl = module.resource("google_firestore_field", "claims_ttl");
        assertThat(text(ttl, "field")).isEqualTo("expiresAt");
        assertThat(text(ttl, "collection")).isEqualTo("var.dedup_collection");
        assertThat(at(ttl, "ttl_config")).isNotNull();
        assertThat(firestore).contains("  count = var.dedup_enabled ? 1 : 0\n\n  project    = var.project_id\n  database   = local.dedup_database");

        Map<String, Object> grant = module.resource("google_project_iam_member", "runtime_claims");
        assertThat(text(grant, "role")).isEqualTo("roles/datastore.user");
        assertThat(text(grant, "member")).isEqualTo("google_service_account.runtime.member");
        assertThat(Files.readString(dir.resolve("iam.tf")))
                .contains("expression  = \"resource.name == \\\"projects/${var.project_id}/databases/${local.dedup_database}\\\"\"");

        String main = Files.readString(dir.resolve("main.tf"));
        assertThat(main).contains("FIREWATCH_DEDUP_COLLECTION = var.dedup_collection").contains("FIREWATCH_DEDUP_DATABASE   = local.dedup_database")
                .contains("GOOGLE_CLOUD_PROJECT       = var.project_id")
                .contains("var.dedup_enabled ? {").contains("\"firestore.googleapis.com\"");
    }

    @Test
    void responseRoleHoldsReadPermissionsInDryRunAndWritePermissionsOnlyInEnforce() throws Exception {
        String iam = Files.readString(dir.resolve("iam.tf"));
        assertThat(iam).contains("response_projects = var.response_mode == \"off\" ? toset([]) : toset(coalesce(var.response_project_ids, [var.project_id]))")
                .contains("permissions = var.response_mode == \"enforce\" ? concat(local.response_read_permissions, local.response_write_permissions) : local.response_read_permissions");
        assertThat((List<?>) module.local("response_read_permissions")).map(String::valueOf)
                .allSatisfy(p -> assertThat(p).startsWith("compute.").endsWith(".get"));
        assertThat((List<?>) module.local("response_write_permissions")).map(String::valueOf).containsExactlyInAnyOrder(
                "compute.firewalls.update", "compute.networks.updatePolicy",
                "compute.networkFirewallPolicies.update", "compute.regionNetworkFirewallPolicies.update");
        Map<String, Object> role = module.resource("google_project_iam_custom_role", "response");
        assertThat(text(role, "for_each")).isEqualTo("local.response_projects");
        assertThat(text(role, "project")).isEqualTo("each.value");
        Map<String, Object> member = module.resource("google_project_iam_member", "runtime_response");
        assertThat(text(member, "for_each")).isEqualTo("local.response_projects");
        assertThat(text(member, "member")).isEqualTo("google_service_account.runtime.member");
        assertThat(iam).contains("count = var.response_mode != \"off\" && var.response_organization_id != null ? 1 : 0")
                .contains("permissions = var.response_mode == \"enforce\" ? [\"compute.firewallPolicies.get\", \"compute.firewallPolicies.update\"] : [\"compute.firewallPolicies.get\"]");
        // No predefined compute role anywhere: only the custom roles' listed permissions.
        assertThat(iam).doesNotContain("roles/compute.");
        String main = Files.readString(dir.resolve("main.tf"));
        assertThat(main).contains("FIREWATCH_RESPONSE_MODE           = var.response_mode")
                .contains("FIREWATCH_RESPONSE_MIN_SEVERITY   = var.response_min_severity");
    }

    @Test
    void examplesEnableSecretManagerBeforeCreatingSecrets() throws Exception {
        for (String example : List.of("project", "organization")) {
            String readme = Files.readString(dir.resolve("examples/" + example + "/README.md"));
            assertThat(readme.indexOf("gcloud services enable secretmanager.googleapis.com")).as(example).isGreaterThanOrEqualTo(0)
                    .isLessThan(readme.indexOf("gcloud secrets create"));
            for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
                assertThat(dir.resolve("examples/" + example + "/" + file)).as(example + "/" + file).isRegularFile();
            }
        }
    }

    @Test
    void providerIsGoogleSeven() {
        assertThat(text(module.block("terraform"), "required_providers", "google", "version")).isEqualTo("~> 7.0");
        assertThat(text(module.block("terraform"), "required_providers", "google", "source")).isEqualTo("hashicorp/google");
    }

    @Test
    void everyTerraformFileParses() throws Exception {
        List<Path> files = GcpHcl.tfFiles(dir);
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path f : files) {
            assertThat(GcpHcl.parse(f.getParent()).block("terraform")).as(f.toString()).isNotNull();
        }
    }
}
