locals {
  # Admin Activity audit entries of exactly the operations in core's catalogue
  # (core/src/main/resources/io/firewatch/core/catalog/gcp.csv): Compute methods under each API version prefix the
  # clients use (v1, beta, alpha), App Engine and Cloud SQL methods as the catalogue names them (Cloud SQL instance
  # writes, whose authorized networks are a firewall; the function ignores those that leave the network alone). Admin Activity logs are always on,
  # and they also record refused calls. GcpTerraformTest checks this filter against the catalogue.
  log_filter = <<-EOT
    logName:"cloudaudit.googleapis.com%2Factivity" AND (
      (protoPayload.serviceName="compute.googleapis.com" AND (
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]firewalls[.](delete|insert|patch|update)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]firewallPolicies[.](addAssociation|addRule|cloneRules|delete|insert|move|patch|patchRule|removeAssociation|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]networkFirewallPolicies[.](addAssociation|addRule|cloneRules|delete|insert|patch|patchRule|removeAssociation|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]regionNetworkFirewallPolicies[.](addAssociation|addRule|cloneRules|delete|insert|patch|patchRule|removeAssociation|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]organizationSecurityPolicies[.](addAssociation|addRule|copyRules|delete|insert|move|patch|patchRule|removeAssociation|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.](securityPolicies|regionSecurityPolicies)[.](addRule|delete|insert|patch|patchRule|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.](backendServices|regionBackendServices)[.]setSecurityPolicy$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.](backendServices|backendBuckets)[.]setEdgeSecurityPolicy$"
      )) OR
      (protoPayload.serviceName="appengine.googleapis.com" AND
        protoPayload.methodName=~"^google[.]appengine[.]v1(beta)?[.]Firewall[.](BatchUpdateIngressRules|CreateIngressRule|DeleteIngressRule|UpdateIngressRule)$") OR
      (protoPayload.serviceName="cloudsql.googleapis.com" AND
        protoPayload.methodName=~"^cloudsql[.]instances[.](create|insert|patch|update)$")
    )
  EOT
}

# Project-level log sink. Organization and folder sinks (hierarchical firewall policies log there) are in
# examples/organization; they write to the same topic with the same filter (output log_filter).

resource "google_logging_project_sink" "audit_logs" {
  count = var.create_project_sink ? 1 : 0

  project                = var.project_id
  name                   = "${var.name_prefix}-firewall-changes"
  description            = "Firewall changes for Firewatch"
  destination            = "pubsub.googleapis.com/${google_pubsub_topic.audit_logs.id}"
  filter                 = local.log_filter
  unique_writer_identity = true
}

resource "google_pubsub_topic_iam_member" "project_sink_publisher" {
  count = var.create_project_sink ? 1 : 0

  project = var.project_id
  topic   = google_pubsub_topic.audit_logs.name
  role    = "roles/pubsub.publisher"
  member  = google_logging_project_sink.audit_logs[0].writer_identity
}

