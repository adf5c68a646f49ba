variable "name_prefix" {
  description = "Prefix of every resource name (lower case letters, digits and hyphens)."
  type        = string
  default     = "firewatch"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,14}$", var.name_prefix))
    error_message = "name_prefix must be 2-15 lower case letters, digits or hyphens, starting with a letter."
  }
}

variable "location" {
  description = "Region of the function app and its resources, e.g. westeurope."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group to create for Firewatch; defaults to <name_prefix>-rg."
  type        = string
  default     = null
}

variable "java_version" {
  description = "Java runtime of the Flex Consumption app: 17 or 21 (the package is Java 17 bytecode)."
  type        = string
  default     = "17"

  validation {
    condition     = contains(["17", "21"], var.java_version)
    error_message = "java_version must be \"17\" or \"21\"."
  }
}

variable "maximum_instance_count" {
  description = "Upper bound of Flex Consumption instances (40-1000)."
  type        = number
  default     = 40

  validation {
    condition     = var.maximum_instance_count >= 40 && var.maximum_instance_count <= 1000
    error_message = "maximum_instance_count must be between 40 and 1000."
  }
}

variable "function_deployed" {
  description = "Set true once the package was published (az functionapp deployment source config-zip, see README): Event Grid only accepts the subscription when the FirewallEventGrid function exists."
  type        = bool
  default     = false
}

variable "watched_subscription_ids" {
  description = "Subscriptions whose network resources the function may read to look up rules (defaults to the current one). Each also needs its own subscription-events module for its events; see examples/multi-subscription."
  type        = list(string)
  default     = []
}

variable "existing_system_topic" {
  description = "The current subscription's existing Event Grid system topic to attach to instead of creating one (only one may exist per subscription)."
  type = object({
    name                = string
    resource_group_name = string
    principal_id        = optional(string)
  })
  default = null
}

variable "event_delivery_schema" {
  description = "EventGridSchema or CloudEventSchemaV1_0."
  type        = string
  default     = "EventGridSchema"

  validation {
    condition     = contains(["EventGridSchema", "CloudEventSchemaV1_0"], var.event_delivery_schema)
    error_message = "event_delivery_schema must be EventGridSchema or CloudEventSchemaV1_0."
  }
}

variable "max_delivery_attempts" {
  description = "Event Grid delivery attempts before dead-lettering (1-30)."
  type        = number
  default     = 30
}

variable "event_time_to_live" {
  description = "Minutes Event Grid retries an event before dead-lettering (1-1440)."
  type        = number
  default     = 1440
}

variable "activity_log_export" {
  description = "Also export the Administrative Activity Log to an Event Hub read by FirewallActivityLog (it carries rule bodies; minutes of delay)."
  type        = bool
  default     = false
}

variable "arm_enrichment_enabled" {
  description = "Let the function read changed rules from Azure Resource Manager with its identity (FIREWATCH_ARM_ENRICHMENT)."
  type        = bool
  default     = true
}

variable "min_severity" {
  description = "Lowest severity sent to sinks: critical, high, medium, low or info."
  type        = string
  default     = "medium"

  validation {
    condition     = contains(["critical", "high", "medium", "low", "info"], var.min_severity)
    error_message = "min_severity must be critical, high, medium, low or info."
  }
}

variable "firewatch_config" {
  description = "Firewatch configuration as JSON text (allow-lists, port lists); defaults apply when null."
  type        = string
  default     = null
}

variable "teams_webhook_url" {
  description = "Teams Workflows webhook URL; stored in Key Vault (write-only) and referenced from the app settings."
  type        = string
  default     = null
  sensitive   = true
}

variable "smtp" {
  description = "SMTP relay for e-mail alerts; the password goes to Key Vault (smtp_password)."
  type = object({
    host     = string
    port     = optional(number, 587)
    username = optional(string)
    starttls = optional(bool, true)
    from     = string
    to       = list(string)
  })
  default = null
}

variable "smtp_password" {
  description = "SMTP password; stored in Key Vault (write-only) and referenced from the app settings."
  type        = string
  default     = null
  sensitive   = true
}

variable "secrets_version" {
  description = "Bump to write new values of teams_webhook_url or smtp_password to Key Vault (write-only values are not compared)."
  type        = number
  default     = 1
}

variable "key_vault_purge_protection" {
  description = "Purge protection on the Key Vault (recommended in production; a purged name stays reserved for the retention period)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}

variable "dedup_enabled" {
  description = "Create the delivery-claim table (Table Storage in the function's account) so each alert reaches each sink once across instances (FIREWATCH_DEDUP_TABLE_URL)."
  type        = bool
  default     = true
}

variable "response_mode" {
  description = "Automatic response: off, dry-run (the alert says what would be done) or enforce (delete the world-open rule a change added; grants NSG rule delete)."
  type        = string
  default     = "off"

  validation {
    condition     = contains(["off", "dry-run", "enforce"], var.response_mode)
    error_message = "response_mode must be off, dry-run or enforce."
  }
}

variable "response_min_severity" {
  description = "Lowest severity the automatic response acts on (FIREWATCH_RESPONSE_MIN_SEVERITY)."
  type        = string
  default     = "critical"

  validation {
    condition     = contains(["critical", "high", "medium", "low", "info"], var.response_min_severity)
    error_message = "response_min_severity must be critical, high, medium, low or info."
  }
}

variable "alert_emails" {
  description = "Who hears about lost deliveries and failed invocations (Azure Monitor action group e-mail receivers). Empty: the alerts fire in the portal only."
  type        = list(string)
  default     = []
}
