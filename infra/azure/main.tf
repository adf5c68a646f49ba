# Firewatch on Azure: a Flex Consumption function app (FirewallEventGrid, FirewallActivityLog) fed by the current
# subscription's Event Grid system topic, reading changed rules from ARM with its own identity, secrets in Key Vault.
#
# Deployment order (Event Grid validates the function endpoint when the event subscription is created):
#   first apply: resource group, storage, monitoring, Key Vault, plan, app, role assignments, system topic;
#   then publish the package with one deploy (`az functionapp deployment source config-zip`, README);
#   second apply with function_deployed = true: the event subscription.
# Flex Consumption does not support Kudu's /api/zipdeploy, so the module does not push the package itself.

data "azurerm_client_config" "current" {}

data "azurerm_subscription" "current" {}

locals {
  # Deterministic per subscription and region, so names stay stable across applies and unique across tenants.
  suffix              = substr(sha1("${data.azurerm_subscription.current.subscription_id}/${var.location}/${var.name_prefix}"), 0, 6)
  compact_prefix      = replace(var.name_prefix, "-", "")
  resource_group_name = coalesce(var.resource_group_name, "${var.name_prefix}-rg")
  app_name            = "${var.name_prefix}-${local.suffix}"
  watched             = length(var.watched_subscription_ids) > 0 ? formatlist("/subscriptions/%s", var.watched_subscription_ids) : [data.azurerm_subscription.current.id]
  subscribe           = var.function_deployed
  teams_enabled       = nonsensitive(var.teams_webhook_url != null)
  smtp_password_set   = nonsensitive(var.smtp_password != null)

  sink_settings = merge(
    local.teams_enabled ? {
      FIREWATCH_TEAMS_WEBHOOK_URL = "@Microsoft.KeyVault(SecretUri=${azapi_resource.teams_webhook_url[0].output.properties.secretUri})"
    } : {},
    var.smtp == null ? {} : {
      FIREWATCH_SMTP_HOST     = var.smtp.host
      FIREWATCH_SMTP_PORT     = tostring(var.smtp.port)
      FIREWATCH_SMTP_STARTTLS = tostring(var.smtp.starttls)
      FIREWATCH_EMAIL_FROM    = var.smtp.from
      FIREWATCH_EMAIL_TO      = join(",", var.smtp.to)
    },
    var.smtp != null && var.smtp.username != null ? { FIREWATCH_SMTP_USERNAME = var.smtp.username } : {},
    local.smtp_password_set ? {
      FIREWATCH_SMTP_PASSWORD = "@Microsoft.KeyVault(SecretUri=${azapi_resource.smtp_password[0].output.properties.secretUri})"
    } : {},
    var.firewatch_config == null ? {} : { FIREWATCH_CONFIG = var.firewatch_config },
    var.dedup_enabled ? {
      FIREWATCH_DEDUP_TABLE_URL = "${trimsuffix(azurerm_storage_account.this.primary_table_endpoint, "/")}/${azurerm_storage_table.dedup[0].name}"
    } : {},
    var.response_mode == "off" ? {} : {
      FIREWATCH_RESPONSE_MODE         = var.response_mode
      FIREWATCH_RESPONSE_MIN_SEVERITY = var.response_min_severity
    },
  )

  # The Event Hub binding names its hub and consumer group through settings; they must resolve even while the
  # function is disabled, or the host reports the function in error.
  activity_log_settings = {
    FIREWATCH_EVENTHUB_NAME                     = "insights-activity-logs"
    FIREWATCH_EVENTHUB_CONSUMER_GROUP           = "$Default"
    FIREWATCH_EVENTHUB__fullyQualifiedNamespace = var.activity_log_export ? "${azurerm_eventhub_namespace.activity_log[0].name}.servicebus.windows.net" : ""
    "AzureWebJobs.FirewallActivityLog.Disabled" = var.activity_log_export ? "false" : "true"
  }
}

resource "azurerm_resource_group" "this" {
  name     = local.resource_group_name
  location = var.location
  tags     = var.tags
}

# Storage: the Flex Consumption deployment container, the host's own state, and the Event Grid dead letters.
resource "azurerm_storage_account" "this" {
  name                            = substr("${local.compact_prefix}${local.suffix}", 0, 24)
  resource_group_name             = azurerm_resource_group.this.name
  location                        = azurerm_resource_group.this.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  tags                            = var.tags
}

resource "azurerm_storage_container" "deployment" {
  name                  = "app-package"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

# Delivery claims (FIREWATCH_DEDUP_TABLE_URL): one row per (alert id, sink), so repeats reach each sink once.
resource "azurerm_storage_table" "dedup" {
  count = var.dedup_enabled ? 1 : 0

  name               = "firewatchclaims"
  storage_account_id = azurerm_storage_account.this.id
}

resource "azurerm_storage_container" "dead_letter" {
  name                  = "eventgrid-dead-letter"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

resource "azurerm_log_analytics_workspace" "this" {
  name                = "${var.name_prefix}-${local.suffix}-logs"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku                 = "PerGB2018"
  retention_in_days   = 30
  tags                = var.tags
}

resource "azurerm_application_insights" "this" {
  name                = "${var.name_prefix}-${local.suffix}-insights"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "java"
  tags                = var.tags
}

# Key Vault (RBAC): the Teams URL and the SMTP password, read by the app through Key Vault references.
resource "azurerm_key_vault" "this" {
  name                       = substr("${local.compact_prefix}-kv-${local.suffix}", 0, 24)
  resource_group_name        = azurerm_resource_group.this.name
  location                   = azurerm_resource_group.this.location
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  rbac_authorization_enabled = true
  soft_delete_retention_days = 7
  purge_protection_enabled   = var.key_vault_purge_protection
  tags                       = var.tags
}

# The secrets are written through Azure Resource Manager (the Microsoft.KeyVault/vaults/secrets resource, as Bicep
# writes them), which needs only the control-plane write the deployer already has on the vault: the deployer holds no
# Key Vault data-plane role, standing or temporary, and ARM never returns a secret's value, so the deployer can replace
# a secret but not read one. The values are write-only (kept out of the state); bump secrets_version to write new ones.
resource "azapi_resource" "teams_webhook_url" {
  count = local.teams_enabled ? 1 : 0

  type                   = "Microsoft.KeyVault/vaults/secrets@2023-07-01"
  name                   = "teams-webhook-url"
  parent_id              = azurerm_key_vault.this.id
  sensitive_body         = { properties = { value = var.teams_webhook_url } }
  sensitive_body_version = { "properties.value" = tostring(var.secrets_version) }
  response_export_values = ["properties.secretUri"]
}

resource "azapi_resource" "smtp_password" {
  count = local.smtp_password_set ? 1 : 0

  type                   = "Microsoft.KeyVault/vaults/secrets@2023-07-01"
  name                   = "smtp-password"
  parent_id              = azurerm_key_vault.this.id
  sensitive_body         = { properties = { value = var.smtp_password } }
  sensitive_body_version = { "properties.value" = tostring(var.secrets_version) }
  response_export_values = ["properties.secretUri"]
}

# Optional Activity Log export: an Event Hub the diagnostic setting writes to and FirewallActivityLog reads.
resource "azurerm_eventhub_namespace" "activity_log" {
  count = var.activity_log_export ? 1 : 0

  name                = "${var.name_prefix}-${local.suffix}-activity"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku                 = "Standard"
  capacity            = 1
  tags                = var.tags
}

resource "azurerm_eventhub" "activity_log" {
  count = var.activity_log_export ? 1 : 0

  name              = "insights-activity-logs"
  namespace_id      = azurerm_eventhub_namespace.activity_log[0].id
  partition_count   = 2
  message_retention = 1
}

# Diagnostic settings need a namespace-level rule; Azure's guidance for Activity Log streaming is Manage+Send+Listen.
resource "azurerm_eventhub_namespace_authorization_rule" "activity_log" {
  count = var.activity_log_export ? 1 : 0

  name                = "activity-log-export"
  namespace_name      = azurerm_eventhub_namespace.activity_log[0].name
  resource_group_name = azurerm_resource_group.this.name
  listen              = true
  send                = true
  manage              = true
}

resource "azurerm_service_plan" "this" {
  name                = "${var.name_prefix}-${local.suffix}-plan"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  os_type             = "Linux"
  sku_name            = "FC1"
  tags                = var.tags
}

resource "azurerm_function_app_flex_consumption" "this" {
  name                = local.app_name
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  service_plan_id     = azurerm_service_plan.this.id

  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "${azurerm_storage_account.this.primary_blob_endpoint}${azurerm_storage_container.deployment.name}"
  storage_authentication_type = "SystemAssignedIdentity"

  runtime_name           = "java"
  runtime_version        = var.java_version
  maximum_instance_count = var.maximum_instance_count
  instance_memory_in_mb  = 2048
  https_only             = true

  identity {
    type = "SystemAssigned"
  }

  site_config {
    application_insights_connection_string = azurerm_application_insights.this.connection_string
    minimum_tls_version                    = "1.2"
  }

  app_settings = merge(local.sink_settings, local.activity_log_settings, {
    FIREWATCH_MIN_SEVERITY   = var.min_severity
    FIREWATCH_ARM_ENRICHMENT = tostring(var.arm_enrichment_enabled)
  })

  tags = var.tags
}

# Least privilege for rule lookups: read network resources and database firewall rules, nothing else.
resource "azurerm_role_definition" "network_reader" {
  name              = "${var.name_prefix}-network-reader-${local.suffix}"
  scope             = local.watched[0]
  description       = "Firewatch: read network security groups, Azure Firewalls, firewall policies and database firewall rules."
  assignable_scopes = local.watched

  permissions {
    actions = [
      "Microsoft.Network/networkSecurityGroups/read",
      "Microsoft.Network/networkSecurityGroups/securityRules/read",
      "Microsoft.Network/azureFirewalls/read",
      "Microsoft.Network/firewallPolicies/read",
      "Microsoft.Network/firewallPolicies/ruleCollectionGroups/read",
      "Microsoft.Sql/servers/firewallRules/read",
      "Microsoft.DBforMySQL/flexibleServers/firewallRules/read",
      "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules/read",
    ]
    not_actions = []
  }
}

resource "azurerm_role_assignment" "function_network_reader" {
  for_each = toset(local.watched)

  scope                            = each.value
  role_definition_id               = azurerm_role_definition.network_reader.role_definition_resource_id
  principal_id                     = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type                   = "ServicePrincipal"
  skip_service_principal_aad_check = true
}

# Read access to exactly the secrets the app settings reference, each at its own scope (not the whole vault).
resource "azurerm_role_assignment" "function_secrets_user" {
  for_each = merge(
    local.teams_enabled ? { teams-webhook-url = azapi_resource.teams_webhook_url[0].id } : {},
    local.smtp_password_set ? { smtp-password = azapi_resource.smtp_password[0].id } : {},
  )

  scope                            = each.value
  role_definition_name             = "Key Vault Secrets User"
  principal_id                     = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type                   = "ServicePrincipal"
  skip_service_principal_aad_check = true
}

resource "azurerm_role_assignment" "function_eventhub_receiver" {
  count = var.activity_log_export ? 1 : 0

  scope                            = azurerm_eventhub.activity_log[0].id
  role_definition_name             = "Azure Event Hubs Data Receiver"
  principal_id                     = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type                   = "ServicePrincipal"
  skip_service_principal_aad_check = true
}

module "events" {
  source = "./modules/subscription-events"

  name_prefix                    = var.name_prefix
  location                       = var.location
  resource_group_name            = azurerm_resource_group.this.name
  create_resource_group          = false
  existing_system_topic          = var.existing_system_topic
  function_id                    = "${azurerm_function_app_flex_consumption.this.id}/functions/FirewallEventGrid"
  create_event_subscription      = local.subscribe
  event_delivery_schema          = var.event_delivery_schema
  max_delivery_attempts          = var.max_delivery_attempts
  event_time_to_live             = var.event_time_to_live
  dead_letter_storage_account_id = azurerm_storage_account.this.id
  dead_letter_container_name     = azurerm_storage_container.dead_letter.name
  dead_letter_container_id       = azurerm_storage_container.dead_letter.id
  tags                           = var.tags

  activity_log_export = var.activity_log_export ? {
    authorization_rule_id = azurerm_eventhub_namespace_authorization_rule.activity_log[0].id
    eventhub_name         = azurerm_eventhub.activity_log[0].name
  } : null

}

# The host's own state and the deployment package, read with the app's identity instead of account keys.
resource "azurerm_role_assignment" "function_storage_blob_owner" {
  scope                            = azurerm_storage_account.this.id
  role_definition_name             = "Storage Blob Data Owner"
  principal_id                     = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type                   = "ServicePrincipal"
  skip_service_principal_aad_check = true
}

# Delivery claims: insert, read, replace and delete (release) rows of the claims table only; no narrower built-in role exists.
resource "azurerm_role_assignment" "function_dedup_table" {
  count = var.dedup_enabled ? 1 : 0

  scope                            = azurerm_storage_table.dedup[0].id
  role_definition_name             = "Storage Table Data Contributor"
  principal_id                     = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type                   = "ServicePrincipal"
  skip_service_principal_aad_check = true
}

# Automatic response (response_mode = "enforce" only): delete the one security rule a change added.
resource "azurerm_role_definition" "responder" {
  count = var.response_mode == "enforce" ? 1 : 0

  name              = "${var.name_prefix}-responder-${local.suffix}"
  scope             = local.watched[0]
  description       = "Firewatch: remove a world-open security rule that a change added to a network security group."
  assignable_scopes = local.watched

  permissions {
    actions = [
      "Microsoft.Network/networkSecurityGroups/read",
      "Microsoft.Network/networkSecurityGroups/write",
      "Microsoft.Network/networkSecurityGroups/securityRules/read",
      "Microsoft.Network/networkSecurityGroups/securityRules/delete",
    ]
    not_actions = []
  }
}

resource "azurerm_role_assignment" "function_responder" {
  for_each = var.response_mode == "enforce" ? toset(local.watched) : toset([])

  scope                            = each.value
  role_definition_id               = azurerm_role_definition.responder[0].role_definition_resource_id
  principal_id                     = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type                   = "ServicePrincipal"
  skip_service_principal_aad_check = true
}

# Nothing silent: whoever is in alert_emails hears when Event Grid dead-letters or drops an event, or when either
# function fails (an Event Hub batch whose invocation failed is not redelivered: its checkpoint moves on).
resource "azurerm_monitor_action_group" "this" {
  name                = "${var.name_prefix}-${local.suffix}-alerts"
  resource_group_name = azurerm_resource_group.this.name
  short_name          = "firewatch"
  tags                = var.tags

  dynamic "email_receiver" {
    for_each = toset(var.alert_emails)
    content {
      name                    = "email-${index(var.alert_emails, email_receiver.value)}"
      email_address           = email_receiver.value
      use_common_alert_schema = true
    }
  }
}

resource "azurerm_monitor_metric_alert" "event_grid_delivery" {
  for_each = {
    dead_lettered = "DeadLetteredCount"
    dropped       = "DroppedEventCount"
  }

  name                = "${var.name_prefix}-${local.suffix}-eventgrid-${replace(each.key, "_", "-")}"
  resource_group_name = azurerm_resource_group.this.name
  scopes              = [module.events.system_topic_id]
  description         = "Event Grid could not deliver a firewall change to FirewallEventGrid (${each.value}); see the README to re-send it."
  severity            = 1
  frequency           = "PT5M"
  window_size         = "PT5M"
  tags                = var.tags

  criteria {
    metric_namespace = "Microsoft.EventGrid/systemTopics"
    metric_name      = each.value
    aggregation      = "Total"
    operator         = "GreaterThan"
    threshold        = 0
  }

  action {
    action_group_id = azurerm_monitor_action_group.this.id
  }
}

resource "azurerm_monitor_metric_alert" "function_failures" {
  name                = "${var.name_prefix}-${local.suffix}-function-failures"
  resource_group_name = azurerm_resource_group.this.name
  scopes              = [azurerm_application_insights.this.id]
  description         = "A Firewatch function invocation failed (FirewallEventGrid is retried by Event Grid; FirewallActivityLog is not)."
  severity            = 1
  frequency           = "PT5M"
  window_size         = "PT5M"
  tags                = var.tags

  criteria {
    metric_namespace = "microsoft.insights/components"
    metric_name      = "requests/failed"
    aggregation      = "Count"
    operator         = "GreaterThan"
    threshold        = 0
  }

  action {
    action_group_id = azurerm_monitor_action_group.this.id
  }
}
