# Delivery claims (CONTRACT §5): a Firestore database in native mode, by default one of its own so that the function's
# grant (an IAM condition on the database name) reaches nothing else. Claims expire through a TTL policy on expiresAt.

locals {
  dedup_database = var.dedup_create_database ? "${var.name_prefix}-claims" : var.dedup_database
}

resource "google_firestore_database" "claims" {
  count = var.dedup_enabled && var.dedup_create_database ? 1 : 0

  project                 = var.project_id
  name                    = local.dedup_database
  location_id             = coalesce(var.dedup_location, var.region)
  type                    = "FIRESTORE_NATIVE"
  delete_protection_state = "DELETE_PROTECTION_DISABLED"
  deletion_policy         = "DELETE"

  depends_on = [google_project_service.apis]
}

# TTL on the collection group's expiresAt field (a timestamp). Firestore deletes expired claims within about a day;
# the function treats an expired claim as absent, so the deletion delay never holds an alert back. The field is also
# taken out of the single-field indexes, as Google advises for TTL fields.
resource "google_firestore_field" "claims_ttl" {
  count = var.dedup_enabled ? 1 : 0

  project    = var.project_id
  database   = local.dedup_database
  collection = var.dedup_collection
  field      = "expiresAt"

  ttl_config {}

  index_config {}

  depends_on = [google_firestore_database.claims]
}
