# One watched subscription: its Event Grid system topic (created, or an existing one attached), the event
# subscription delivering firewall changes to the FirewallEventGrid function, and optionally the Activity Log export.

locals {
  # Every Azure operation of core's catalogue (core/src/main/resources/io/firewatch/core/catalog/azure.csv) starts
  # with one of these. Event Grid compares case-insensitively; all values of all advanced filters must stay <= 25.
  # infra/src/test/java/io/firewatch/infra/AzureTerraformTest.java checks both against the catalogue.
  operation_prefixes = [
    "Microsoft.Network/networkSecurityGroups/",
    "Microsoft.Network/azureFirewalls/",
    "Microsoft.Network/firewallPolicies/",
    "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies/",
    "Microsoft.Network/frontDoorWebApplicationFirewallPolicies/",
    "Microsoft.Network/ipGroups/",
    "Microsoft.Network/virtualNetworks/subnets/write",
    "Microsoft.Network/networkInterfaces/write",
    "Microsoft.Sql/servers/firewallRules/",
    "Microsoft.DBforMySQL/flexibleServers/firewallRules/",
    "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules/",
  ]

  # Failures too: a refused attempt is an alert (low). Cancel events carry no change.
  included_event_types = [
    "Microsoft.Resources.ResourceWriteSuccess",
    "Microsoft.Resources.ResourceWriteFailure",
    "Microsoft.Resources.ResourceDeleteSuccess",
    "Microsoft.Resources.ResourceDeleteFailure",
    "Microsoft.Resources.ResourceActionSuccess",
    "Microsoft.Resources.ResourceActionFailure",
  ]

  create_topic          = var.existing_system_topic == null
  topic_name            = local.create_topic ? azurerm_eventgrid_system_topic.subscription[0].name : var.existing_system_topic.name
  topic_resource_group  = local.create_topic ? local.events_resource_group : var.existing_system_topic.resource_group_name
  events_resource_group = local.create_topic && var.create_resource_group ? azurerm_resource_group.events[0].name : var.resource_group_name
  topic_principal_id    = local.create_topic ? azurerm_eventgrid_system_topic.subscription[0].identity[0].principal_id : var.existing_system_topic.principal_id
  # Known at plan time (a created topic's principal id is not), so it can drive count.
  topic_has_identity = local.create_topic || try(var.existing_system_topic.principal_id != null, false)
}

data "azurerm_subscription" "watched" {}

resource "azurerm_resource_group" "events" {
  count = local.create_topic && var.create_resource_group ? 1 : 0

  name     = var.resource_group_name
  location = var.location
  tags     = var.tags
}

resource "azurerm_eventgrid_system_topic" "subscription" {
  count = local.create_topic ? 1 : 0

  name                = "${var.name_prefix}-${data.azurerm_subscription.watched.subscription_id}"
  resource_group_name = local.events_resource_group
  location            = "Global"
  source_resource_id  = data.azurerm_subscription.watched.id
  topic_type          = "Microsoft.Resources.Subscriptions"
  tags                = var.tags

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_role_assignment" "topic_dead_letter" {
  count = local.topic_has_identity ? 1 : 0

  scope                            = var.dead_letter_container_id
  role_definition_name             = "Storage Blob Data Contributor"
  principal_id                     = local.topic_principal_id
  principal_type                   = "ServicePrincipal"
  skip_service_principal_aad_check = true
}

# Role assignments take minutes to reach every Azure region; Event Grid checks dead-letter access on creation.
resource "time_sleep" "rbac_propagation" {
  count = local.topic_has_identity ? 1 : 0

  create_duration = "90s"
  depends_on      = [azurerm_role_assignment.topic_dead_letter]
}

resource "azurerm_eventgrid_system_topic_event_subscription" "firewall_changes" {
  count = var.create_event_subscription ? 1 : 0

  name                  = "${var.name_prefix}-firewall-changes"
  system_topic          = local.topic_name
  resource_group_name   = local.topic_resource_group
  event_delivery_schema = var.event_delivery_schema
  included_event_types  = local.included_event_types

  azure_function_endpoint {
    function_id                       = var.function_id
    max_events_per_batch              = 1
    preferred_batch_size_in_kilobytes = 64
  }

  advanced_filter {
    string_begins_with {
      key    = "data.operationName"
      values = local.operation_prefixes
    }
  }

  retry_policy {
    max_delivery_attempts = var.max_delivery_attempts
    event_time_to_live    = var.event_time_to_live
  }

  storage_blob_dead_letter_destination {
    storage_account_id          = var.dead_letter_storage_account_id
    storage_blob_container_name = var.dead_letter_container_name
  }

  dynamic "dead_letter_identity" {
    for_each = local.topic_has_identity ? ["SystemAssigned"] : []
    content {
      type = dead_letter_identity.value
    }
  }

  depends_on = [time_sleep.rbac_propagation]
}

resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  count = var.activity_log_export == null ? 0 : 1

  name                           = "${var.name_prefix}-activity-log"
  target_resource_id             = data.azurerm_subscription.watched.id
  eventhub_authorization_rule_id = var.activity_log_export.authorization_rule_id
  eventhub_name                  = var.activity_log_export.eventhub_name

  enabled_log {
    category = "Administrative"
  }
}
