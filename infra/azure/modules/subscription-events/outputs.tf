output "system_topic_name" {
  description = "The Event Grid system topic of the watched subscription (created or attached)."
  value       = local.topic_name
}

output "system_topic_id" {
  description = "Resource id of the system topic, the scope of the delivery alerts (DeadLetteredCount, DroppedEventCount)."
  value       = "${data.azurerm_subscription.watched.id}/resourceGroups/${local.topic_resource_group}/providers/Microsoft.EventGrid/systemTopics/${local.topic_name}"
}

output "event_subscription_id" {
  description = "The event subscription delivering firewall changes, null until create_event_subscription is true."
  value       = var.create_event_subscription ? azurerm_eventgrid_system_topic_event_subscription.firewall_changes[0].id : null
}

output "operation_prefixes" {
  description = "The data.operationName prefixes Event Grid filters on."
  value       = local.operation_prefixes
}
