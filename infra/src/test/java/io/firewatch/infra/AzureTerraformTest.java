package io.firewatch.infra;

import static io.firewatch.infra.support.AzureHcl.at;
import static io.firewatch.infra.support.AzureHcl.blocks;
import static io.firewatch.infra.support.AzureHcl.map;
import static io.firewatch.infra.support.AzureHcl.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Provider;
import io.firewatch.infra.support.AzureHcl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Azure Terraform checked against core's catalogue and the limits of research/infra.md §4. */
class AzureTerraformTest {
    private static final Path EVENTS = AzureHcl.ROOT.resolve("modules/subscription-events");
    private static final Map<String, Object> EVENTS_MAIN = AzureHcl.parse(EVENTS.resolve("main.tf"));
    private static final Map<String, Object> EVENTS_VARS = AzureHcl.parse(EVENTS.resolve("variables.tf"));
    private static final Map<String, Object> ROOT_MAIN = AzureHcl.parse(AzureHcl.ROOT.resolve("main.tf"));

    private static Map<String, Object> eventSubscription() {
        return map(EVENTS_MAIN, "resource", "azurerm_eventgrid_system_topic_event_subscription", "firewall_changes");
    }

    /** Every (operator, key, values) of the event subscription's advanced filters. */
    private static List<Filter> filters() {
        List<Filter> out = new ArrayList<>();
        for (Map<String, Object> block : blocks(eventSubscription(), "advanced_filter")) {
            for (Map.Entry<String, Object> op : block.entrySet()) {
                for (Map<String, Object> f : blocks(op.getValue())) {
                    Object values = f.containsKey("values") ? f.get("values") : List.of(String.valueOf(f.get("value")));
                    out.add(new Filter(op.getKey(), String.valueOf(f.get("key")), strings(Map.of("v", values), "v")));
                }
            }
        }
        return out;
    }

    private record Filter(String operator, String key, List<String> values) {
        /** As Event Grid compares strings: case-insensitively. */
        boolean matches(String operationName) {
            String v = operationName.toLowerCase(Locale.ROOT);
            return switch (operator) {
                case "string_begins_with" -> values.stream().anyMatch(x -> v.startsWith(x.toLowerCase(Locale.ROOT)));
                case "string_in" -> values.stream().anyMatch(x -> v.equals(x.toLowerCase(Locale.ROOT)));
                case "string_contains" -> values.stream().anyMatch(x -> v.contains(x.toLowerCase(Locale.ROOT)));
                case "string_ends_with" -> values.stream().anyMatch(x -> v.endsWith(x.toLowerCase(Locale.ROOT)));
                default -> throw new AssertionError("unexpected filter operator " + operator);
            };
        }
    }

    @Test
    void operationFiltersPassEveryCatalogueOperationInAnyCase() {
        List<Filter> filters = filters();
        assertThat(filters).isNotEmpty().allSatisfy(f -> assertThat(f.key()).isEqualTo("data.operationName"));
        List<Operation> operations = OperationCatalog.load().operations(Provider.AZURE);
        assertThat(operations).hasSizeGreaterThan(20);
        for (Operation op : operations) {
            for (String spelling : List.of(op.operation(), op.operation().toUpperCase(Locale.ROOT), op.operation().toLowerCase(Locale.ROOT))) {
                // Separate advanced filters are AND-ed: every one must pass the operation.
                assertThat(filters).as("filters on %s", spelling).allMatch(f -> f.matches(spelling));
            }
        }
    }

    @Test
    void operationFiltersLetOtherServicesThrough() {
        List<Filter> filters = filters();
        for (String other : List.of("Microsoft.Compute/virtualMachines/write", "Microsoft.Resources/subscriptions/resourceGroups/write",
                "Microsoft.Network/virtualNetworks/write", "Microsoft.Storage/storageAccounts/write")) {
            assertThat(filters.stream().allMatch(f -> f.matches(other))).as(other).isFalse();
        }
    }

    @Test
    void filtersStayWithinEventGridLimits() {
        List<Filter> filters = filters();
        assertThat(filters.size()).as("advanced filters").isLessThanOrEqualTo(25);
        assertThat(filters.stream().mapToInt(f -> f.values().size()).sum()).as("filter values in total").isLessThanOrEqualTo(25);
        assertThat(filters.stream().flatMap(f -> f.values().stream())).allSatisfy(v -> assertThat(v.length()).isBetween(1, 512));
        assertThat(filters).allSatisfy(f -> assertThat(f.key()).doesNotContain(" "));
    }

    @Test
    void subscribesToWritesDeletesAndActionsIncludingFailures() {
        assertThat(strings(eventSubscription(), "included_event_types")).containsExactlyInAnyOrder(
                "Microsoft.Resources.ResourceWriteSuccess", "Microsoft.Resources.ResourceWriteFailure",
                "Microsoft.Resources.ResourceDeleteSuccess", "Microsoft.Resources.ResourceDeleteFailure",
                "Microsoft.Resources.ResourceActionSuccess", "Microsoft.Resources.ResourceActionFailure");
    }

    @Test
    void retryPolicyAndItsDefaultsAreInRange() {
        Map<String, Object> retry = map(eventSubscription(), "retry_policy");
        assertThat(retry).containsKeys("max_delivery_attempts", "event_time_to_live");
        assertThat(number(EVENTS_VARS, "max_delivery_attempts")).isBetween(1.0, 30.0);
        assertThat(number(EVENTS_VARS, "event_time_to_live")).isBetween(1.0, 1440.0);
        assertThat(AzureHcl.text(EVENTS.resolve("variables.tf")))
                .contains("var.max_delivery_attempts >= 1 && var.max_delivery_attempts <= 30")
                .contains("var.event_time_to_live >= 1 && var.event_time_to_live <= 1440");
    }

    private static double number(Map<String, Object> vars, String name) {
        return ((Number) at(vars, "variable", name, "default")).doubleValue();
    }

    @Test
    void deadLetterIdentityOnlyWithADeadLetterDestination() {
        Map<String, Object> sub = eventSubscription();
        assertThat(map(sub, "storage_blob_dead_letter_destination")).containsKeys("storage_account_id", "storage_blob_container_name");
        boolean hasIdentity = sub.containsKey("dead_letter_identity") || at(sub, "dynamic", "dead_letter_identity") != null;
        assertThat(hasIdentity).isTrue();
        // The topic's identity may write dead letters only once its role has propagated.
        assertThat(strings(sub, "depends_on")).contains("time_sleep.rbac_propagation");
        assertThat(map(EVENTS_MAIN, "resource", "azurerm_role_assignment", "topic_dead_letter"))
                .containsEntry("role_definition_name", "Storage Blob Data Contributor");
    }

    @Test
    void systemTopicIsGlobalAndWatchesTheSubscription() {
        Map<String, Object> topic = map(EVENTS_MAIN, "resource", "azurerm_eventgrid_system_topic", "subscription");
        assertThat(topic).containsEntry("location", "Global").containsEntry("topic_type", "Microsoft.Resources.Subscriptions");
        assertThat(map(topic, "identity")).containsEntry("type", "SystemAssigned");
        assertThat(topic).doesNotContainKey("source_arm_resource_id");
        // An existing topic (one per subscription) can be attached instead.
        assertThat(map(EVENTS_VARS, "variable", "existing_system_topic")).containsKey("type");
        assertThat(AzureHcl.text(EVENTS.resolve("main.tf"))).contains("count = local.create_topic ? 1 : 0");
    }

    @Test
    void eventsGoToTheEventGridFunctionOnlyOnceItIsDeployed() {
        Map<String, Object> events = map(ROOT_MAIN, "module", "events");
        assertThat(events).containsEntry("source", "./modules/subscription-events");
        assertThat(AzureHcl.text(AzureHcl.ROOT.resolve("main.tf")))
                .contains("function_id                    = \"${azurerm_function_app_flex_consumption.this.id}/functions/FirewallEventGrid\"")
                .contains("subscribe           = var.function_deployed");
        // No module-level depends_on: it defers the subscription data source and replaces the topic on app changes.
        assertThat(events).doesNotContainKey("depends_on");
        assertThat(AzureHcl.text(EVENTS.resolve("main.tf"))).contains("count = var.create_event_subscription ? 1 : 0");
    }

    @Test
    void functionAppIsFlexConsumptionJavaWithASystemIdentity() {
        Map<String, Object> app = map(ROOT_MAIN, "resource", "azurerm_function_app_flex_consumption", "this");
        assertThat(app).containsEntry("runtime_name", "java");
        assertThat(map(app, "identity")).containsEntry("type", "SystemAssigned");
        assertThat(map(ROOT_MAIN, "resource", "azurerm_service_plan", "this")).containsEntry("sku_name", "FC1").containsEntry("os_type", "Linux");
        Map<String, Object> vars = AzureHcl.parse(AzureHcl.ROOT.resolve("variables.tf"));
        assertThat(at(vars, "variable", "java_version", "default")).isIn("17", "21");
        assertThat(AzureHcl.text(AzureHcl.ROOT.resolve("variables.tf"))).contains("contains([\"17\", \"21\"], var.java_version)");
    }

    @Test
    void flexAppUsesItsIdentityForStorageAndNoZipDeploy() {
        Map<String, Object> app = map(ROOT_MAIN, "resource", "azurerm_function_app_flex_consumption", "this");
        assertThat(app).containsEntry("storage_authentication_type", "SystemAssignedIdentity")
                .doesNotContainKeys("storage_access_key", "zip_deploy_file");
        assertThat(map(ROOT_MAIN, "resource", "azurerm_role_assignment", "function_storage_blob_owner"))
                .containsEntry("role_definition_name", "Storage Blob Data Owner");
    }

    @Test
    void dedupTableIsCreatedByDefaultAndOnlyItIsGrantedToTheFunction() {
        Map<String, Object> vars = AzureHcl.parse(AzureHcl.ROOT.resolve("variables.tf"));
        assertThat(at(vars, "variable", "dedup_enabled", "default")).isEqualTo(true);
        assertThat(map(ROOT_MAIN, "resource", "azurerm_storage_table", "dedup")).containsKeys("count", "storage_account_id");
        assertThat(map(ROOT_MAIN, "resource", "azurerm_role_assignment", "function_dedup_table"))
                .containsEntry("role_definition_name", "Storage Table Data Contributor")
                .containsEntry("count", 1.0);
        assertThat(String.valueOf(at(ROOT_MAIN, "resource", "azurerm_role_assignment", "function_dedup_table", "scope")))
                .startsWith("azurerm_storage_table.dedup").doesNotContain("storage_account");
        assertThat(AzureHcl.text(AzureHcl.ROOT.resolve("main.tf"))).contains("FIREWATCH_DEDUP_TABLE_URL");
    }

    @Test
    void responsePermissionsExistOnlyInEnforceMode() {
        Map<String, Object> vars = AzureHcl.parse(AzureHcl.ROOT.resolve("variables.tf"));
        assertThat(at(vars, "variable", "response_mode", "default")).isEqualTo("off");
        assertThat(AzureHcl.text(AzureHcl.ROOT.resolve("variables.tf")))
                .contains("contains([\"off\", \"dry-run\", \"enforce\"], var.response_mode)");
        Map<String, Object> role = map(ROOT_MAIN, "resource", "azurerm_role_definition", "responder");
        // Off by default: no role, no assignment.
        assertThat(role).containsEntry("count", 0.0);
        assertThat(AzureHcl.text(AzureHcl.ROOT.resolve("main.tf"))).contains("count = var.response_mode == \"enforce\" ? 1 : 0");
        assertThat(strings(role, "permissions", "actions")).containsExactlyInAnyOrder(
                "Microsoft.Network/networkSecurityGroups/read", "Microsoft.Network/networkSecurityGroups/write",
                "Microsoft.Network/networkSecurityGroups/securityRules/read",
                "Microsoft.Network/networkSecurityGroups/securityRules/delete");
        assertThat(AzureHcl.text(AzureHcl.ROOT.resolve("main.tf"))).contains("FIREWATCH_RESPONSE_MODE", "FIREWATCH_RESPONSE_MIN_SEVERITY");
    }

    @Test
    void lostDeliveriesAndFailedInvocationsRaiseAlerts() {
        String main = AzureHcl.text(AzureHcl.ROOT.resolve("main.tf"));
        assertThat(main).contains("dead_lettered = \"DeadLetteredCount\"", "dropped       = \"DroppedEventCount\"",
                "scopes              = [module.events.system_topic_id]", "metric_name      = \"requests/failed\"");
        for (String alert : List.of("event_grid_delivery", "function_failures")) {
            Map<String, Object> a = map(ROOT_MAIN, "resource", "azurerm_monitor_metric_alert", alert);
            assertThat(map(a, "criteria")).containsEntry("operator", "GreaterThan").containsEntry("threshold", 0.0);
            assertThat(map(a, "action")).containsKey("action_group_id");
        }
        assertThat(map(ROOT_MAIN, "resource", "azurerm_monitor_action_group", "this")).containsKey("dynamic");
    }

    @Test
    void functionIdentityMayOnlyRead() {
        Map<String, Object> role = map(ROOT_MAIN, "resource", "azurerm_role_definition", "network_reader");
        List<String> actions = strings(role, "permissions", "actions");
        assertThat(actions).isNotEmpty().allSatisfy(a -> assertThat(a).endsWith("/read"));
        assertThat(actions).contains("Microsoft.Network/networkSecurityGroups/securityRules/read", "Microsoft.Sql/servers/firewallRules/read")
                .noneMatch(a -> a.contains("*"));
        assertThat(strings(role, "permissions", "not_actions")).isEmpty();
        assertThat(map(ROOT_MAIN, "resource", "azurerm_role_assignment", "function_secrets_user"))
                .containsEntry("role_definition_name", "Key Vault Secrets User");
    }

    @Test
    void secretsLiveInAnRbacKeyVaultAndAreReferencedFromAppSettings() {
        assertThat(map(ROOT_MAIN, "resource", "azurerm_key_vault", "this")).containsEntry("rbac_authorization_enabled", true);
        String main = AzureHcl.text(AzureHcl.ROOT.resolve("main.tf"));
        assertThat(main)
                .contains("FIREWATCH_TEAMS_WEBHOOK_URL = \"@Microsoft.KeyVault(SecretUri=${azapi_resource.teams_webhook_url[0].output.properties.secretUri})\"")
                .contains("FIREWATCH_SMTP_PASSWORD = \"@Microsoft.KeyVault(SecretUri=${azapi_resource.smtp_password[0].output.properties.secretUri})\"");
        Map<String, Object> vars = AzureHcl.parse(AzureHcl.ROOT.resolve("variables.tf"));
        assertThat(at(vars, "variable", "teams_webhook_url", "sensitive")).isEqualTo(true);
        assertThat(at(vars, "variable", "smtp_password", "sensitive")).isEqualTo(true);
    }

    @Test
    void secretsAreWrittenThroughResourceManagerWithNoKeyVaultDataRoleForTheDeployer() {
        for (String secret : List.of("teams_webhook_url", "smtp_password")) {
            Map<String, Object> resource = map(ROOT_MAIN, "resource", "azapi_resource", secret);
            assertThat(resource.get("type")).asString().startsWith("Microsoft.KeyVault/vaults/secrets@");
            assertThat(resource).containsKeys("sensitive_body", "sensitive_body_version").doesNotContainKey("body");
            assertThat(String.valueOf(resource.get("parent_id"))).isEqualTo("azurerm_key_vault.this.id");
            assertThat(String.valueOf(at(resource, "sensitive_body", "properties", "value"))).isEqualTo("var." + secret);
            assertThat(strings(resource, "response_export_values")).containsExactly("properties.secretUri");
        }
        // No grant to whoever runs Terraform: the data-plane roles stay with the app, on its two secrets only.
        List<Path> files = AzureHcl.files();
        for (Path file : files) {
            assertThat(AzureHcl.text(file)).as(file.toString()).doesNotContain("Key Vault Secrets Officer")
                    .doesNotContain("Key Vault Administrator").doesNotContain("azurerm_key_vault_secret");
        }
        assertThat(AzureHcl.text(AzureHcl.ROOT.resolve("main.tf"))).doesNotContainPattern("principal_id\\s*=\\s*data\\.azurerm_client_config");
        Map<String, Object> reader = map(ROOT_MAIN, "resource", "azurerm_role_assignment", "function_secrets_user");
        assertThat(reader).containsEntry("role_definition_name", "Key Vault Secrets User");
        assertThat(String.valueOf(reader.get("scope"))).isEqualTo("each.value");
        assertThat(AzureHcl.text(AzureHcl.ROOT.resolve("main.tf")))
                .contains("local.teams_enabled ? { teams-webhook-url = azapi_resource.teams_webhook_url[0].id } : {}")
                .contains("local.smtp_password_set ? { smtp-password = azapi_resource.smtp_password[0].id } : {}");
    }

    @Test
    void activityLogGoesToAnEventHubThroughANamespaceRule() {
        Map<String, Object> diag = map(EVENTS_MAIN, "resource", "azurerm_monitor_diagnostic_setting", "activity_log");
        assertThat(diag).containsKeys("eventhub_authorization_rule_id", "target_resource_id").doesNotContainKeys("log", "metric");
        assertThat(map(diag, "enabled_log")).containsEntry("category", "Administrative");
        Map<String, Object> rule = map(ROOT_MAIN, "resource", "azurerm_eventhub_namespace_authorization_rule", "activity_log");
        assertThat(rule).containsEntry("listen", true).containsEntry("send", true).containsEntry("manage", true);
        assertThat(map(ROOT_MAIN, "resource", "azurerm_eventhub", "activity_log")).containsKey("namespace_id").doesNotContainKey("namespace_name");
        // The function's Event Hub binding resolves its hub and consumer group from these settings.
        assertThat(AzureHcl.text(AzureHcl.ROOT.resolve("main.tf"))).contains("FIREWATCH_EVENTHUB_NAME", "FIREWATCH_EVENTHUB_CONSUMER_GROUP",
                "FIREWATCH_EVENTHUB__fullyQualifiedNamespace", "\"AzureWebJobs.FirewallActivityLog.Disabled\"");
    }

    @Test
    void providersArePinnedToAzurerm5() {
        for (Path versions : List.of(AzureHcl.ROOT.resolve("versions.tf"), EVENTS.resolve("versions.tf"))) {
            Map<String, Object> tf = AzureHcl.parse(versions);
            assertThat(at(tf, "terraform", "required_providers", "azurerm", "version")).as(versions.toString()).isEqualTo("~> 5.0");
            assertThat(at(tf, "terraform", "required_providers", "azurerm", "source")).isEqualTo("hashicorp/azurerm");
        }
    }

    @Test
    void everyProviderBlockHasFeaturesASubscriptionAndExplicitRegistration() {
        List<Path> examples = List.of(AzureHcl.ROOT.resolve("examples/single-subscription/main.tf"),
                AzureHcl.ROOT.resolve("examples/multi-subscription/main.tf"));
        int providers = 0;
        for (Path example : examples) {
            for (Map<String, Object> provider : blocks(AzureHcl.parse(example), "provider", "azurerm")) {
                providers++;
                assertThat(provider).as(example.toString()).containsKeys("features", "subscription_id", "resource_providers_to_register")
                        .containsEntry("resource_provider_registrations", "none").doesNotContainKey("skip_provider_registration");
                assertThat(strings(provider, "resource_providers_to_register")).contains("Microsoft.EventGrid", "Microsoft.Insights");
            }
        }
        assertThat(providers).isEqualTo(4);
        // Modules declare no providers of their own: the caller's (one per watched subscription) apply.
        for (Path file : AzureHcl.files()) {
            if (!file.toString().contains("examples")) {
                assertThat(AzureHcl.parse(file)).as(file.toString()).doesNotContainKey("provider");
            }
        }
    }

    @Test
    void noRemovedAzurermArgumentsAreUsed() {
        Pattern removed = Pattern.compile("\\b(source_arm_resource_id|eventhub_endpoint_id|enable_rbac_authorization|skip_provider_registration"
                + "|storage_account_name\\s*=|retention_policy|metric\\s*\\{|log\\s*\\{)");
        for (Path file : AzureHcl.files()) {
            Matcher m = removed.matcher(AzureHcl.text(file));
            assertThat(m.find()).as("%s uses %s", file, m.find(0) ? m.group() : "").isFalse();
        }
    }
}
