# Firewatch in a central security subscription, watching two workload subscriptions as well.
#
# Every watched subscription has its own Event Grid system topic (one per subscription) and event subscription,
# all delivering to the one FirewallEventGrid function; the function's identity may read network resources in
# each, through one custom role. With export_activity_log, each subscription also streams its Administrative
# Activity Log to the central Event Hub.
#
# Order: the first apply creates everything but the event subscriptions (Flex Consumption: publish with one deploy, not /api/zipdeploy);
# publish the package, then apply again with function_deployed = true.

terraform {
  required_version = ">= 1.11"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 5.0"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.13"
    }
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.5"
    }
  }
}

locals {
  subscribe = var.function_deployed

  central_providers = [
    "Microsoft.EventGrid",
    "Microsoft.EventHub",
    "Microsoft.Insights",
    "Microsoft.KeyVault",
    "Microsoft.OperationalInsights",
    "Microsoft.Storage",
    "Microsoft.Web",
  ]
}

provider "azurerm" {
  subscription_id                 = var.central_subscription_id
  resource_provider_registrations = "none"
  resource_providers_to_register  = local.central_providers
  features {}
}

provider "azurerm" {
  alias                           = "workload_a"
  subscription_id                 = var.workload_a_subscription_id
  resource_provider_registrations = "none"
  resource_providers_to_register  = ["Microsoft.EventGrid", "Microsoft.Insights"]
  features {}
}

provider "azurerm" {
  alias                           = "workload_b"
  subscription_id                 = var.workload_b_subscription_id
  resource_provider_registrations = "none"
  resource_providers_to_register  = ["Microsoft.EventGrid", "Microsoft.Insights"]
  features {}
}

module "firewatch" {
  source = "../.."

  location            = var.location
  function_deployed   = var.function_deployed
  activity_log_export = var.export_activity_log
  teams_webhook_url   = var.teams_webhook_url

  watched_subscription_ids = [
    var.central_subscription_id,
    var.workload_a_subscription_id,
    var.workload_b_subscription_id,
  ]
}

module "workload_a" {
  source = "../../modules/subscription-events"
  providers = {
    azurerm = azurerm.workload_a
  }

  location                       = var.location
  resource_group_name            = "firewatch-events-rg"
  function_id                    = module.firewatch.event_grid_function_id
  create_event_subscription      = local.subscribe
  dead_letter_storage_account_id = module.firewatch.dead_letter.storage_account_id
  dead_letter_container_name     = module.firewatch.dead_letter.container_name
  dead_letter_container_id       = module.firewatch.dead_letter.container_id
  activity_log_export            = module.firewatch.activity_log_eventhub
}

module "workload_b" {
  source = "../../modules/subscription-events"
  providers = {
    azurerm = azurerm.workload_b
  }

  location                       = var.location
  resource_group_name            = "firewatch-events-rg"
  existing_system_topic          = var.workload_b_existing_topic
  function_id                    = module.firewatch.event_grid_function_id
  create_event_subscription      = local.subscribe
  dead_letter_storage_account_id = module.firewatch.dead_letter.storage_account_id
  dead_letter_container_name     = module.firewatch.dead_letter.container_name
  dead_letter_container_id       = module.firewatch.dead_letter.container_id
  activity_log_export            = module.firewatch.activity_log_eventhub
}

