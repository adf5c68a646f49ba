variable "name" {
  description = "Name prefix of every resource (function, queues, topic, rules, alarms)."
  type        = string
  default     = "firewatch"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,32}$", var.name))
    error_message = "name: 1-32 letters, digits, '-' or '_'."
  }
}

variable "package_path" {
  description = "Path of the Lambda deployment package built by `./mvnw package`: aws-lambda/target/firewatch-aws-lambda.jar."
  type        = string
}

variable "architecture" {
  description = "Instruction set of the function: x86_64 or arm64 (SnapStart supports both)."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be x86_64 or arm64."
  }
}

variable "memory_size" {
  description = "Function memory in MB; CPU grows with it, which shortens cold starts."
  type        = number
  default     = 1024

  validation {
    condition     = var.memory_size >= 512 && var.memory_size <= 10240
    error_message = "memory_size must be 512 to 10240 MB (the JVM needs at least 512)."
  }
}

variable "timeout" {
  description = "Function timeout in seconds. The buffer queue's visibility timeout is six times this."
  type        = number
  default     = 60

  validation {
    condition     = var.timeout >= 10 && var.timeout <= 900
    error_message = "timeout must be between 10 and 900 seconds."
  }
}

variable "log_retention_days" {
  description = "Retention of the function's CloudWatch log group."
  type        = number
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653)."
  }
}

variable "min_severity" {
  description = "Lowest severity sent to the sinks (FIREWATCH_MIN_SEVERITY): critical, high, medium, low or info. Every alert is logged."
  type        = string
  default     = "medium"

  validation {
    condition     = contains(["critical", "high", "medium", "low", "info"], var.min_severity)
    error_message = "min_severity must be critical, high, medium, low or info."
  }
}

variable "firewatch_config" {
  description = "Firewatch configuration as JSON text (FIREWATCH_CONFIG: allow-lists, port lists, authorized public ports). Null for the defaults."
  type        = string
  default     = null
}

variable "teams_webhook_url_secret_arn" {
  description = "ARN of a Secrets Manager secret holding the Teams Workflows webhook URL (plain text). Null for no Teams alerts."
  type        = string
  default     = null
}

variable "smtp" {
  description = "SMTP relay for email alerts; the password is given by Secrets Manager ARN. Null for no SMTP email (SNS email subscriptions work without it)."
  type = object({
    host                = string
    port                = optional(number, 587)
    username            = optional(string)
    password_secret_arn = optional(string)
    starttls            = optional(bool, true)
    from                = string
    to                  = list(string)
  })
  default = null
}

variable "secrets_kms_key_arns" {
  description = "Customer managed KMS keys that encrypt the secrets above, if any (the function gets kms:Decrypt through Secrets Manager only)."
  type        = list(string)
  default     = []
}

variable "alert_emails" {
  description = "Email addresses subscribed to the alert topic (each must confirm the subscription)."
  type        = list(string)
  default     = []
}

variable "email_filter_policy" {
  description = "SNS filter policy (JSON) for the email subscriptions, on the message attributes severity, provider, account and operation, e.g. {\"severity\":[\"critical\",\"high\"]}. Null delivers every alert."
  type        = string
  default     = null
}

variable "batch_size" {
  description = "SQS messages per invocation."
  type        = number
  default     = 10

  validation {
    condition     = var.batch_size >= 1 && var.batch_size <= 100
    error_message = "batch_size must be between 1 and 100."
  }
}

variable "maximum_batching_window_in_seconds" {
  description = "How long the event source mapping gathers messages before invoking (required above 10 messages per batch)."
  type        = number
  default     = 0

  validation {
    condition     = var.maximum_batching_window_in_seconds >= 0 && var.maximum_batching_window_in_seconds <= 300
    error_message = "maximum_batching_window_in_seconds must be 0 to 300."
  }
}

variable "maximum_concurrency" {
  description = "Most concurrent invocations the SQS event source mapping starts (at least 2)."
  type        = number
  default     = 5

  validation {
    condition     = var.maximum_concurrency >= 2 && var.maximum_concurrency <= 1000
    error_message = "maximum_concurrency must be 2 to 1000."
  }
}

variable "max_receive_count" {
  description = "Receives of a message before it moves to the dead-letter queue."
  type        = number
  default     = 5

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000
    error_message = "max_receive_count must be 1 to 1000 (AWS recommends at least 5)."
  }
}

variable "rule_state" {
  description = "State of the rules on the default bus. ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS is harmless with eventName filters and does not depend on how CloudTrail classifies a call."
  type        = string
  default     = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"

  validation {
    condition     = contains(["ENABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", "DISABLED"], var.rule_state)
    error_message = "rule_state must be ENABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS or DISABLED."
  }
}

variable "create_event_bus" {
  description = "Create a central custom event bus that other regions and accounts forward their API-call events to (see modules/forwarder)."
  type        = bool
  default     = false
}

variable "event_bus_name" {
  description = "Name of the central event bus; defaults to <name>-central."
  type        = string
  default     = null
}

variable "organization_id" {
  description = "AWS Organizations id (o-...). When set, every account of the organization may put events on the central bus."
  type        = string
  default     = null
}

variable "source_account_ids" {
  description = "Accounts allowed to put events on the central bus (an alternative or addition to organization_id)."
  type        = list(string)
  default     = []
}

variable "alert_topic_eventbridge_rule_arns" {
  description = "ARNs of your own EventBridge rules that may publish to the alert topic (e.g. GuardDuty findings beside Firewatch alerts). Adds the topic and key policy grants EventBridge needs; Firewatch itself never needs them."
  type        = list(string)
  default     = []
}

variable "alarm_actions" {
  description = "Where alarms notify; empty sends them to the alert topic. Alarm notifications carry no message attributes, so attribute filter policies do not pass them."
  type        = list(string)
  default     = []
}

variable "dedup_enabled" {
  description = "Create the delivery-claim table (DynamoDB, on demand, TTL on expiresAt) so each alert reaches each sink once across instances (FIREWATCH_DEDUP_TABLE). False: repeats are dropped within one instance only."
  type        = bool
  default     = true
}

variable "dedup_point_in_time_recovery" {
  description = "Point-in-time recovery on the delivery-claim table (claims are short-lived; recovery is rarely worth its cost)."
  type        = bool
  default     = false
}

variable "response_mode" {
  description = "Automatic response (FIREWATCH_RESPONSE_MODE): off, dry-run (the alert says what would be done; grants read-only Describe calls) or enforce (revokes the world-open ingress rule or network ACL entry a change added; grants ec2:RevokeSecurityGroupIngress and ec2:DeleteNetworkAclEntry in this account, never on resources tagged firewatch-response=off)."
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

variable "tags" {
  description = "Tags for every resource that takes them."
  type        = map(string)
  default     = {}
}
