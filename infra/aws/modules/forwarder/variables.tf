variable "name" {
  description = "Name prefix of the forwarding rules and role."
  type        = string
  default     = "firewatch"
}

variable "regions" {
  description = "Regions whose default bus forwards firewall API calls. Include us-east-1: WAF Classic and CloudFront-scoped WAFv2 calls are logged there."
  type        = list(string)
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
}

variable "tags" {
  description = "Tags for every resource that takes them."
  type        = map(string)
  default     = {}
}
