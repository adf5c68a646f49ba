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

variable "firewatch_config" {
  description = "Firewatch configuration as JSON text (FIREWATCH_CONFIG): allow-lists, port lists, authorized public ports. Null for the built-in defaults."
  type        = string
  default     = null
}

variable "teams_webhook_url_secret" {
  description = "Secret Manager secret (in project_id) holding the Teams Workflows webhook URL: { secret = id, version = number }. Null for no Teams alerts."
  type = object({
    secret  = string
    version = string
  })
  default = null
}

variable "smtp" {
  description = "SMTP relay for email alerts; the password is given by Secret Manager reference. Null for no email."
  type = object({
    host     = string
    port     = optional(number, 587)
    username = optional(string)
    password_secret = optional(object({
      secret  = string
      version = string
    }))
    starttls = optional(bool, true)
    from     = string
    to       = list(string)
  })
  default = null

  validation {
    condition     = var.smtp == null || (try(var.smtp.port, 587) >= 1 && try(var.smtp.port, 587) <= 65535 && length(try(var.smtp.to, [])) > 0)
    error_message = "smtp.port must be 1 to 65535 and smtp.to must name at least one recipient."
  }
}

variable "environment" {
  description = "Further plain (non-secret) settings for the function, e.g. FIREWATCH_DEDUP_TTL_HOURS. Secrets go in secret_environment."
  type        = map(string)
  default     = {}

  validation {
    condition     = length(setintersection(keys(var.environment), ["FIREWATCH_TEAMS_WEBHOOK_URL", "FIREWATCH_SMTP_PASSWORD"])) == 0
    error_message = "FIREWATCH_TEAMS_WEBHOOK_URL and FIREWATCH_SMTP_PASSWORD are secrets: pass them in secret_environment (Secret Manager), not in environment."
  }
}

variable "secret_environment" {
  description = "Further settings read from Secret Manager when an instance starts: variable name => { secret = secret id in project_id, version = version number }. teams_webhook_url_secret and smtp.password_secret are added to these."
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

  validation {
    condition     = var.delivery_budget_seconds >= 1 && var.delivery_budget_seconds <= 539
    error_message = "delivery_budget_seconds must be 1 to 539 (and below function_timeout_seconds)."
  }
}

variable "max_instances" {
  description = "Maximum number of function instances."
  type        = number
  default     = 5

  validation {
    condition     = var.max_instances >= 1 && var.max_instances <= 100
    error_message = "max_instances must be 1 to 100."
  }
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
  description = "Cloud Monitoring notification channel ids (projects/<p>/notificationChannels/<id>) told about Firewatch's own failures: function errors, dead letters, log export errors. Give these, alert_emails, or both: an alert policy without a channel tells no one, so the module refuses to deploy without one."
  type        = list(string)
  default     = []
}

variable "alert_emails" {
  description = "Email addresses told about Firewatch's own failures (a Cloud Monitoring email channel each), besides notification_channels."
  type        = list(string)
  default     = []
}

variable "grant_pubsub_token_creator" {
  description = "Let the Pub/Sub service agent mint OIDC tokens for the push service account; needed only in projects created before 8 April 2021."
  type        = bool
  default     = false
}

variable "iam_propagation_wait" {
  description = "How long to wait after the grants before the first build and before Pub/Sub uses its service agent's grants (IAM changes propagate within minutes)."
  type        = string
  default     = "90s"

  validation {
    condition     = can(regex("^[0-9]+s$", var.iam_propagation_wait))
    error_message = "iam_propagation_wait must be a number of seconds such as \"90s\"."
  }
}

variable "dedup_enabled" {
  description = "Keep delivery claims in Firestore so each alert reaches each sink once across instances (FIREWATCH_DEDUP_COLLECTION, FIREWATCH_DEDUP_DATABASE). False: repeats are dropped within one instance only."
  type        = bool
  default     = true
}

variable "dedup_create_database" {
  description = "Create a Firestore database (native mode) of its own for the claims, named <name_prefix>-claims. False: use the existing database dedup_database, e.g. \"(default)\"; the function's datastore.user grant then covers all of that database."
  type        = bool
  default     = true
}

variable "dedup_database" {
  description = "Existing Firestore database (native mode) to keep the claims in when dedup_create_database is false."
  type        = string
  default     = "(default)"

  validation {
    condition     = var.dedup_database == "(default)" || can(regex("^[a-z][a-z0-9-]{2,61}[a-z0-9]$", var.dedup_database))
    error_message = "dedup_database must be (default) or a Firestore database id: 4-63 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "dedup_collection" {
  description = "Collection (group) of the claim documents; its expiresAt field carries the TTL policy."
  type        = string
  default     = "firewatch-delivery-claims"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,100}$", var.dedup_collection))
    error_message = "dedup_collection must be 1-100 letters, digits, '-' or '_'."
  }
}

variable "dedup_location" {
  description = "Firestore location of the claim database (a region such as europe-west1, or nam5/eur3); null uses region."
  type        = string
  default     = null
}

variable "response_mode" {
  description = "Automatic response (FIREWATCH_RESPONSE_MODE): off, dry-run (the alert says what would be done; grants read-only get permissions) or enforce (disables the VPC firewall rule, or patches the policy rule, a change opened to the internet; grants a custom role with exactly those permissions)."
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

variable "response_project_ids" {
  description = "Projects whose firewall rules the automatic response may read and (enforce) disable; null means project_id. List every watched project when organization or folder sinks feed the function."
  type        = list(string)
  default     = null
}

variable "response_organization_id" {
  description = "Numeric organization id: also grant the response on hierarchical firewall policies (an organization-level custom role). Null: hierarchical policy rules are reported, not changed."
  type        = string
  default     = null
}

variable "labels" {
  description = "Labels for the resources that take them."
  type        = map(string)
  default     = {}
}
