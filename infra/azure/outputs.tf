output "function_app_name" {
  description = "Name of the function app (publish the package to it)."
  value       = azurerm_function_app_flex_consumption.this.name
}

output "function_app_id" {
  description = "Resource id of the function app."
  value       = azurerm_function_app_flex_consumption.this.id
}

output "event_grid_function_id" {
  description = "The FirewallEventGrid function's id, for subscription-events modules of other watched subscriptions."
  value       = "${azurerm_function_app_flex_consumption.this.id}/functions/FirewallEventGrid"
}

output "function_principal_id" {
  description = "Object id of the function app's system-assigned identity."
  value       = azurerm_function_app_flex_consumption.this.identity[0].principal_id
}

output "network_reader_role_definition_id" {
  description = "The custom role granting the function read on network resources."
  value       = azurerm_role_definition.network_reader.role_definition_resource_id
}

output "dead_letter" {
  description = "Where Event Grid puts events it could not deliver."
  value = {
    storage_account_id = azurerm_storage_account.this.id
    container_name     = azurerm_storage_container.dead_letter.name
    container_id       = azurerm_storage_container.dead_letter.id
  }
}

output "activity_log_eventhub" {
  description = "The Event Hub receiving Activity Log exports (null unless activity_log_export)."
  value = var.activity_log_export ? {
    authorization_rule_id = azurerm_eventhub_namespace_authorization_rule.activity_log[0].id
    eventhub_name         = azurerm_eventhub.activity_log[0].name
  } : null
}

output "key_vault_uri" {
  description = "The Key Vault holding the Teams URL and the SMTP password."
  value       = azurerm_key_vault.this.vault_uri
}

output "system_topic_name" {
  description = "The current subscription's Event Grid system topic."
  value       = module.events.system_topic_name
}

output "application_insights_connection_string" {
  description = "Application Insights of the function app."
  value       = azurerm_application_insights.this.connection_string
  sensitive   = true
}

output "dedup_table_url" {
  description = "The delivery-claim table (FIREWATCH_DEDUP_TABLE_URL), null when dedup_enabled is false."
  value       = var.dedup_enabled ? "${trimsuffix(azurerm_storage_account.this.primary_table_endpoint, "/")}/${azurerm_storage_table.dedup[0].name}" : null
}

output "action_group_id" {
  description = "The action group notified of dead-lettered or dropped events and failed invocations."
  value       = azurerm_monitor_action_group.this.id
}

output "resource_group_name" {
  description = "The resource group holding the function app (for az functionapp commands)."
  value       = azurerm_resource_group.this.name
}
