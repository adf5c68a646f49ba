variable "name" {
  description = "Name prefix of the forwarding rules, role, queues, topics and alarms."
  type        = string
  default     = "firewatch"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,32}$", var.name))
    error_message = "name: 1-32 letters, digits, '-' or '_'."
  }
}

variable "regions" {
  description = "Regions whose default bus forwards firewall API calls. Include us-east-1: WAF Classic and CloudFront-scoped WAFv2 calls are logged there."
  type        = list(string)

  validation {
    condition     = length(var.regions) > 0 && length(var.regions) == length(distinct(var.regions))
    error_message = "regions must list at least one region, each once."
  }
}

variable "target_event_bus_arn" {
  description = "ARN of the central bus (the root module's event_bus_arn output), in the processing region and account."
  type        = string
}

variable "event_patterns" {
  description = "The root module's event_patterns output: one pattern per event source."
  type        = map(string)
}

variable "rule_state" {
  description = "State of the forwarding rules (see the root module's rule_state)."
  type        = string
  default     = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"

  validation {
    condition     = contains(["ENABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", "DISABLED"], var.rule_state)
    error_message = "rule_state must be ENABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS or DISABLED."
  }
}

variable "alarm_emails" {
  description = "Who is told when a region's forwarding fails or dead-letters an event (email subscriptions to a topic per region; each must confirm). Empty: the alarms still change state, and you subscribe to the alarm_topic_arns output yourself."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags for every resource that takes them."
  type        = map(string)
  default     = {}
}
