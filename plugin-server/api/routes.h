#pragma once

#include "plugin-server/api/api_context.h"
#include "plugin-server/api/route_table.h"
#include "plugin-server/httpd/router.h"
#include "vicapi/engine/vch_record.h"

namespace vic::server {

// Every route the server serves (routeTable()), each with its handler.
void addRoutes(Router& router, ApiContext& ctx);

void addMetaHandlers(OperationHandlers& handlers, ApiContext& ctx);
void addTargetHandlers(OperationHandlers& handlers, ApiContext& ctx);
void addVchReadHandlers(OperationHandlers& handlers, ApiContext& ctx);
void addVchWriteHandlers(OperationHandlers& handlers, ApiContext& ctx);
void addTaskHandlers(OperationHandlers& handlers, ApiContext& ctx);
void addPluginHandlers(OperationHandlers& handlers, ApiContext& ctx);
void addRegistrationHandlers(OperationHandlers& handlers, ApiContext& ctx);
void addManifestHandlers(OperationHandlers& handlers, ApiContext& ctx);

// The VCH `id` as the scope sees it: 404 when it is in another datacenter.
engine::VchRecord findVch(const TargetScope& scope, const std::string& id);

}  // namespace vic::server
