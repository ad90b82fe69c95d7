// hello, version, metadata and the API's own description.
#include "plugin-server/api/routes.h"
#include "vicapi/version/version.h"

namespace vic::server {

void addMetaHandlers(OperationHandlers& handlers, ApiContext& ctx) {
  handlers.set("getHello", [](Exchange& ex) {
    ex.sendText(200, "You have successfully accessed the VCH Management API.");
  });
  handlers.set("getVersion", [](Exchange& ex) { ex.sendText(200, version::current().str()); });
  handlers.set("getMetadata", [&ctx](Exchange& ex) {
    ex.sendJson(200,
                {{"version", version::current().str()},
                 // File names, as 1.5's schema has them; the detail beside.
                 {"bootstrap-images", {ctx.images.bootstrapName()}},
                 {"bootstrap-image-details",
                  {{{"name", ctx.images.bootstrapName()}, {"version", ctx.images.version.str()}}}},
                 {"appliance-image",
                  {{"name", ctx.images.applianceName()}, {"version", ctx.images.version.str()}}}});
  });
  handlers.set("getOpenApi",
               [&ctx](Exchange& ex) { ex.sendText(200, ctx.openApiDocument, "application/json"); });
}

}  // namespace vic::server
