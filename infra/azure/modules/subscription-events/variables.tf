variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
  default     = "firewatch"
}

variable "location" {
  description = "Region of the resource group created for the system topic (the topic itself is global)."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group in the watched subscription holding its Event Grid system topic (it cannot be moved later)."
  type        = string
}

variable "create_resource_group" {
  description = "Create resource_group_name (false: it exists already)."
  type        = bool
  default     = true
}

variable "existing_system_topic" {
  description = "Attach to the subscription's existing Event Grid system topic (only one may exist per subscription). principal_id is the topic's system-assigned identity, if it has one; without it dead letters are written with Event Grid's own access."
  type = object({
    name                = string
    resource_group_name = string
    principal_id        = optional(string)
  })
  default = null
}

variable "function_id" {
  description = "Resource id of the FirewallEventGrid function: <function app id>/functions/FirewallEventGrid."
  type        = string
}

variable "create_event_subscription" {
  description = "Create the event subscription. Event Grid refuses it until the function is deployed, so keep false until the package is published."
  type        = bool
  default     = true
}

variable "event_delivery_schema" {
  description = "EventGridSchema or CloudEventSchemaV1_0: the function reads both."
  type        = string
  default     = "EventGridSchema"

  validation {
    condition     = contains(["EventGridSchema", "CloudEventSchemaV1_0"], var.event_delivery_schema)
    error_message = "event_delivery_schema must be EventGridSchema or CloudEventSchemaV1_0."
  }
}

variable "max_delivery_attempts" {
  description = "Event Grid delivery attempts before the event is dead-lettered (1-30)."
  type        = number
  default     = 30

  validation {
    condition     = var.max_delivery_attempts >= 1 && var.max_delivery_attempts <= 30
    error_message = "max_delivery_attempts must be between 1 and 30."
  }
}

variable "event_time_to_live" {
  description = "Minutes Event Grid keeps retrying an event before it is dead-lettered (1-1440)."
  type        = number
  default     = 1440

  validation {
    condition     = var.event_time_to_live >= 1 && var.event_time_to_live <= 1440
    error_message = "event_time_to_live must be between 1 and 1440 minutes."
  }
}

variable "dead_letter_storage_account_id" {
  description = "Storage account receiving events that could not be delivered or judged."
  type        = string
}

variable "dead_letter_container_name" {
  description = "Blob container for dead letters in that account."
  type        = string
}

variable "dead_letter_container_id" {
  description = "Resource id of that container: the system topic's identity is granted Storage Blob Data Contributor on it."
  type        = string
}

variable "activity_log_export" {
  description = "Export this subscription's Administrative Activity Log to an Event Hub for FirewallActivityLog: a namespace-level authorization rule id and the hub's name."
  type = object({
    authorization_rule_id = string
    eventhub_name         = string
  })
  default = null
}

variable "tags" {
  description = "Tags for the resources this module creates."
  type        = map(string)
  default     = {}
}
