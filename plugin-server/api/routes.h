#pragma once

#include "plugin-server/api/api_context.h"
#include "plugin-server/http/router.h"
#include "vicapi/engine/vch_record.h"

namespace vic::server {

// Every route the server serves. openapi.json documents each of them; a test
// holds the two together.
void addRoutes(Router& router, ApiContext& ctx);

void addMetaRoutes(Router& router, ApiContext& ctx);
void addTargetRoutes(Router& router, ApiContext& ctx);
void addVchReadRoutes(Router& router, ApiContext& ctx);
void addVchWriteRoutes(Router& router, ApiContext& ctx);
void addTaskRoutes(Router& router, ApiContext& ctx);
void addPluginRoutes(Router& router, ApiContext& ctx);
void addRegistrationRoutes(Router& router, ApiContext& ctx);
void addManifestRoutes(Router& router, ApiContext& ctx);

// Registers `suffix` under both /container/target/{target} and
// /container/target/{target}/datacenter/{datacenter}, as the 1.5 API did.
void addBothScopes(Router& router, const std::string& method, const std::string& suffix,
                   Handler handler);

// The VCH `id` as the scope sees it: 404 when it is in another datacenter.
engine::VchRecord findVch(const TargetScope& scope, const std::string& id);

}  // namespace vic::server
