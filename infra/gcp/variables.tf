variable "project_id" {
  description = "Project that runs Firewatch: the function, its topics and subscriptions. With organization or folder sinks, the central security project."
  type        = string
}

variable "region" {
  description = "Region of the function and of the source bucket, e.g. europe-west1."
  type        = string
}

variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
  default     = "firewatch"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,17}$", var.name_prefix))
    error_message = "name_prefix must be 3 to 18 lower-case letters, digits or hyphens, starting with a letter (service account ids are built from it)."
  }
}

variable "function_jar" {
  description = "Path of the deployment jar built by ./mvnw -B package (gcp-function/target/firewatch-gcp-function.jar)."
  type        = string
}

variable "create_project_sink" {
  description = "Create a log sink in project_id itself. Set false when organization or folder sinks (examples/organization) feed the topic instead."
  type        = bool
  default     = true
}

variable "enable_apis" {
  description = "Enable the Google APIs the deployment needs in project_id."
  type        = bool
  default     = true
}

variable "min_severity" {
  description = "Lowest alert severity sent to the sinks (FIREWATCH_MIN_SEVERITY)."
  type        = string
  default     = "medium"

  validation {
    condition     = contains(["critical", "high", "medium", "low", "info"], var.min_severity)
    error_message = "min_severity must be one of critical, high, medium, low, info."
  }
}

variable "firewatch_config_json" {
  description = "Firewatch configuration as JSON text (FIREWATCH_CONFIG): allow-lists, port lists, authorized public ports. Null for the built-in defaults."
  type        = string
  default     = null
}

variable "environment" {
  description = "Plain (non-secret) settings for the function, e.g. FIREWATCH_SMTP_HOST, FIREWATCH_SMTP_PORT, FIREWATCH_SMTP_USERNAME, FIREWATCH_EMAIL_FROM, FIREWATCH_EMAIL_TO. Secrets go in secret_environment."
  type        = map(string)
  default     = {}

  validation {
    condition     = length(setintersection(keys(var.environment), ["FIREWATCH_TEAMS_WEBHOOK_URL", "FIREWATCH_SMTP_PASSWORD"])) == 0
    error_message = "FIREWATCH_TEAMS_WEBHOOK_URL and FIREWATCH_SMTP_PASSWORD are secrets: pass them in secret_environment (Secret Manager), not in environment."
  }
}

variable "secret_environment" {
  description = "Settings read from Secret Manager when an instance starts: variable name => { secret = secret id in project_id, version = version number }. Typically FIREWATCH_TEAMS_WEBHOOK_URL and FIREWATCH_SMTP_PASSWORD."
  type = map(object({
    secret  = string
    version = string
  }))
  default = {}
}

variable "function_timeout_seconds" {
  description = "Function timeout. The push subscription's ack deadline (its request timeout) is set 30 seconds above it."
  type        = number
  default     = 120

  validation {
    condition     = var.function_timeout_seconds >= 30 && var.function_timeout_seconds <= 540
    error_message = "function_timeout_seconds must be 30 to 540 (the ack deadline above it may be at most 600)."
  }
}

variable "delivery_budget_seconds" {
  description = "Time all sinks together may take for one event (FIREWATCH_DELIVERY_BUDGET_SECONDS); below the function timeout."
  type        = number
  default     = 60
}

variable "max_instances" {
  description = "Maximum number of function instances."
  type        = number
  default     = 5
}

variable "max_delivery_attempts" {
  description = "Deliveries of one message before Pub/Sub moves it to the dead-letter topic."
  type        = number
  default     = 10

  validation {
    condition     = var.max_delivery_attempts >= 5 && var.max_delivery_attempts <= 100
    error_message = "max_delivery_attempts must be 5 to 100 (Pub/Sub's limits)."
  }
}

variable "notification_channels" {
  description = "Cloud Monitoring notification channel ids for the alert policies on function errors and on dead-lettered messages."
  type        = list(string)
  default     = []
}

variable "grant_pubsub_token_creator" {
  description = "Let the Pub/Sub service agent mint OIDC tokens for the push service account; needed only in projects created before 8 April 2021."
  type        = bool
  default     = false
}

variable "labels" {
  description = "Labels for the resources that take them."
  type        = map(string)
  default     = {}
}

variable "response_mode" {
  description = "Automatic response (FIREWATCH_RESPONSE_MODE, CONTRACT §6): off, dry-run (alerts say what would be done) or enforce (the function disables the world-open rule; only then is the custom role granted). Hierarchical (organization or folder) policy rules need compute.firewallPolicies.get/update granted there by hand."
  type        = string
  default     = "off"

  validation {
    condition     = contains(["off", "dry-run", "enforce"], var.response_mode)
    error_message = "response_mode must be off, dry-run or enforce."
  }
}

variable "response_min_severity" {
  description = "Lowest severity the automatic response answers (FIREWATCH_RESPONSE_MIN_SEVERITY)."
  type        = string
  default     = "critical"

  validation {
    condition     = contains(["critical", "high", "medium", "low", "info"], var.response_min_severity)
    error_message = "response_min_severity must be critical, high, medium, low or info."
  }
}
